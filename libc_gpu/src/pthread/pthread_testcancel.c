#include <pthread.h>

#include "../__support/thread.h"

void pthread_testcancel(void) {
  if (__thread_cancel_pending && __thread_cancel_state == PTHREAD_CANCEL_ENABLE)
    pthread_exit(PTHREAD_CANCELED);
}
