#include <pthread.h>
#include <stddef.h>

#include "../__support/thread.h"

void *pthread_getspecific(pthread_key_t key) {
  if (key >= __thread_key_capacity || !__thread_keys[key].in_use)
    return NULL;
  return __thread_keys[key].value;
}
