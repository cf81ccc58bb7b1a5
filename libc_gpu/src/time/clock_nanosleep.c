#include <errno.h>
#include <time.h>

#include <lightkernel/syscall.h>

#include "../__support/signal_timers.h"
#include "../__support/sleep.h"
#include "../__support/timeout.h"

int clock_nanosleep(clockid_t clock, int flags, const struct timespec *duration,
                    struct timespec *remaining) {
  int64_t ns;
  if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
    return EINVAL;
  if (!duration)
    return EFAULT;
  if ((flags & ~TIMER_ABSTIME) || __timeout_from_timespec(duration, &ns))
    return EINVAL;
  if (flags & TIMER_ABSTIME) {
    int64_t now = clock == CLOCK_REALTIME ? lk_clock_realtime_ns() : lk_clock_monotonic_ns();
    ns = ns > now ? ns - now : 0;
  }
  int64_t left;
  int error = __sleep_until(__deadline_after(ns), &left);
  /* An absolute sleep has nothing to report: the caller sleeps again to
   * the same time. */
  if (error && remaining && !(flags & TIMER_ABSTIME))
    __signal_timespec_of(left, remaining);
  return error;
}
