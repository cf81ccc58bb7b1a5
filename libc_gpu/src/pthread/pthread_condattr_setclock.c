#include <errno.h>
#include <pthread.h>

int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock) {
  if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
    return EINVAL;
  attr->__clock = (unsigned short)clock;
  return 0;
}
