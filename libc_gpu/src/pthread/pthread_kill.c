#include <errno.h>
#include <pthread.h>
#include <signal.h>

#include "../__support/thread.h"

int pthread_kill(pthread_t thread, int sig) {
  /* glibc keeps 32 and 33 for itself (cancellation, set*id). */
  if (sig == 32 || sig == 33)
    return EINVAL;
  if (thread != __THREAD_SELF)
    return ESRCH;
  if (sig == 0)
    return 0;
  return raise(sig) == 0 ? 0 : errno;
}
