#include <errno.h>
#include <pthread.h>

#include "../__support/sched_policy.h"

int pthread_attr_setschedparam(pthread_attr_t *attr, const struct sched_param *param) {
  int lowest, highest;
  if (__sched_priority_range(attr->__sched_policy, &lowest, &highest) ||
      param->sched_priority < lowest || param->sched_priority > highest)
    return EINVAL;
  attr->__sched_priority = param->sched_priority;
  return 0;
}
