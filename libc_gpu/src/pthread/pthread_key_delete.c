#include <errno.h>
#include <pthread.h>
#include <stddef.h>

#include "../__support/thread.h"

int pthread_key_delete(pthread_key_t key) {
  if (key >= __thread_key_capacity || !__thread_keys[key].in_use)
    return EINVAL;
  /* No destructor runs, as POSIX says. */
  __thread_keys[key].in_use = 0;
  __thread_keys[key].value = NULL;
  return 0;
}
