#include <errno.h>
#include <pthread.h>

#include "../__support/thread.h"

int pthread_getschedparam(pthread_t thread, int *policy, struct sched_param *param) {
  if (thread != __THREAD_SELF)
    return ESRCH;
  *policy = __thread_sched_policy;
  param->sched_priority = __thread_sched_priority;
  return 0;
}
