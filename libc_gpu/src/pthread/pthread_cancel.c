#include <errno.h>
#include <pthread.h>

#include "../__support/thread.h"

int pthread_cancel(pthread_t thread) {
  if (thread != __THREAD_SELF)
    return ESRCH;
  __thread_cancel_pending = 1;
  if (__thread_cancel_state == PTHREAD_CANCEL_ENABLE &&
      __thread_cancel_type == PTHREAD_CANCEL_ASYNCHRONOUS)
    pthread_exit(PTHREAD_CANCELED);
  return 0;
}
