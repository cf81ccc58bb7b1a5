#include <errno.h>
#include <pthread.h>

int pthread_attr_setschedpolicy(pthread_attr_t *attr, int policy) {
  /* glibc's attributes take only the three POSIX policies. */
  if (policy != SCHED_OTHER && policy != SCHED_FIFO && policy != SCHED_RR)
    return EINVAL;
  attr->__sched_policy = policy;
  return 0;
}
