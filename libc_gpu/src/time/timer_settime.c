#include <errno.h>
#include <time.h>

#include <lightkernel/syscall.h>

#include "../__support/signal_timers.h"
#include "../__support/timeout.h"

int timer_settime(timer_t id, int flags, const struct itimerspec *new_value,
                  struct itimerspec *old_value) {
  struct __signal_timer *timer = __signal_posix_timer(id);
  int64_t value, interval;
  if (!timer || !new_value || (flags & ~TIMER_ABSTIME) ||
      __timeout_from_timespec(&new_value->it_value, &value) ||
      __timeout_from_timespec(&new_value->it_interval, &interval)) {
    errno = EINVAL;
    return -1;
  }
  if (old_value) {
    __signal_timespec_of(__signal_timer_left(timer), &old_value->it_value);
    __signal_timespec_of(timer->interval, &old_value->it_interval);
  }
  if (value && (flags & TIMER_ABSTIME)) {
    /* An absolute time on the timer's clock, as a delay from now; one
     * already past fires at once. */
    int64_t now = timer->clock == CLOCK_REALTIME ? lk_clock_realtime_ns() : lk_clock_monotonic_ns();
    value = value > now ? value - now : 1;
  }
  __signal_timer_arm(timer, value, interval);
  return 0;
}
