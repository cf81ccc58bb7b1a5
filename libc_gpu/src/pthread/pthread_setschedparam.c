#include <errno.h>
#include <pthread.h>

#include "../__support/identity.h"
#include "../__support/sched_policy.h"
#include "../__support/thread.h"

int pthread_setschedparam(pthread_t thread, int policy, const struct sched_param *param) {
  if (thread != __THREAD_SELF)
    return ESRCH;
  int lowest, highest;
  int error = __sched_priority_range(policy & ~SCHED_RESET_ON_FORK, &lowest, &highest);
  if (error || param->sched_priority < lowest || param->sched_priority > highest)
    return EINVAL;
  /* Real-time policies need CAP_SYS_NICE (an RLIMIT_RTPRIO of 0 allows no
   * priority), which only root holds here. */
  if (lowest > 0 && __identity.user.effective != 0)
    return EPERM;
  __thread_sched_policy = policy & ~SCHED_RESET_ON_FORK;
  __thread_sched_priority = param->sched_priority;
  return 0;
}
