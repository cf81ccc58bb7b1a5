#include <errno.h>
#include <pthread.h>
#include <sys/prctl.h>

#include "../__support/thread.h"

int pthread_getname_np(pthread_t thread, char *name, size_t size) {
  if (thread != __THREAD_SELF)
    return ESRCH;
  if (size < 16)
    return ERANGE;
  /* The thread's name is the VM's, which prctl keeps. */
  prctl(PR_GET_NAME, name);
  return 0;
}
