#include <errno.h>
#include <pthread.h>

#include "../__support/thread.h"

int pthread_setspecific(pthread_key_t key, const void *value) {
  if (key >= __thread_key_capacity || !__thread_keys[key].in_use)
    return EINVAL;
  __thread_keys[key].value = (void *)value;
  return 0;
}
