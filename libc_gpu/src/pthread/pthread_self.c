#include <pthread.h>

#include "../__support/thread.h"

pthread_t pthread_self(void) {
  return __THREAD_SELF;
}
