#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <sys/prctl.h>

#include "../__support/thread.h"

int pthread_setname_np(pthread_t thread, const char *name) {
  if (thread != __THREAD_SELF)
    return ESRCH;
  /* Linux's task name: 15 bytes and the NUL. */
  if (strlen(name) > 15)
    return ERANGE;
  prctl(PR_SET_NAME, name);
  return 0;
}
