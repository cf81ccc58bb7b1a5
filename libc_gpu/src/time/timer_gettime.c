#include <errno.h>
#include <time.h>

#include "../__support/signal_timers.h"

int timer_gettime(timer_t id, struct itimerspec *current) {
  struct __signal_timer *timer = __signal_posix_timer(id);
  if (!timer) {
    errno = EINVAL;
    return -1;
  }
  __signal_timespec_of(__signal_timer_left(timer), &current->it_value);
  __signal_timespec_of(timer->interval, &current->it_interval);
  return 0;
}
