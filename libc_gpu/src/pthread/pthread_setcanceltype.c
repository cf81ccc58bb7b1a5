#include <errno.h>
#include <pthread.h>

#include "../__support/thread.h"

int pthread_setcanceltype(int type, int *old_type) {
  if (type != PTHREAD_CANCEL_DEFERRED && type != PTHREAD_CANCEL_ASYNCHRONOUS)
    return EINVAL;
  if (old_type)
    *old_type = __thread_cancel_type;
  __thread_cancel_type = type;
  return 0;
}
