#include <errno.h>
#include <sys/time.h>

#include "../../__support/signal_timers.h"

static int64_t ns_of(const struct timeval *tv) {
  if (tv->tv_sec >= INT64_MAX / 1000000000 - 1)
    return INT64_MAX / 2;
  return (int64_t)tv->tv_sec * 1000000000 + (int64_t)tv->tv_usec * 1000;
}

/* Rounded up to the microsecond, so that an armed timer never reads 0. */
static void timeval_of(int64_t ns, struct timeval *tv) {
  int64_t us = (ns + 999) / 1000;
  tv->tv_sec = (time_t)(us / 1000000);
  tv->tv_usec = (suseconds_t)(us % 1000000);
}

/* ITIMER_VIRTUAL and ITIMER_PROF count the VM's time as ITIMER_REAL does:
 * a VM keeps no CPU time apart from its wall time. */
int setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value) {
  if (which < ITIMER_REAL || which > ITIMER_PROF) {
    errno = EINVAL;
    return -1;
  }
  if (new_value &&
      (new_value->it_value.tv_sec < 0 || new_value->it_value.tv_usec < 0 ||
       new_value->it_value.tv_usec >= 1000000 || new_value->it_interval.tv_sec < 0 ||
       new_value->it_interval.tv_usec < 0 || new_value->it_interval.tv_usec >= 1000000)) {
    errno = EINVAL;
    return -1;
  }
  struct __signal_timer *timer = __signal_itimer(which);
  if (!timer) {
    errno = ENOMEM;
    return -1;
  }
  if (old_value) {
    timeval_of(__signal_timer_left(timer), &old_value->it_value);
    timeval_of(timer->interval, &old_value->it_interval);
  }
  if (new_value)
    __signal_timer_arm(timer, ns_of(&new_value->it_value), ns_of(&new_value->it_interval));
  return 0;
}
