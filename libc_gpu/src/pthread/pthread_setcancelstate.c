#include <errno.h>
#include <pthread.h>

#include "../__support/thread.h"

int pthread_setcancelstate(int state, int *old_state) {
  if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE)
    return EINVAL;
  if (old_state)
    *old_state = __thread_cancel_state;
  __thread_cancel_state = state;
  return 0;
}
