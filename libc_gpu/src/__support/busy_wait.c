#include "busy_wait.h"

#include <errno.h>
#include <time.h>

#include <lightkernel/syscall.h>

void __busy_wait_ns(int64_t ns) {
  int64_t deadline = lk_clock_monotonic_ns() + ns;
  while (lk_clock_monotonic_ns() < deadline)
    lk_yield();
}

static int64_t clock_now_ns(int clock) {
  return clock == CLOCK_REALTIME ? lk_clock_realtime_ns() : lk_clock_monotonic_ns();
}

int __busy_wait_until(int clock, const struct timespec *deadline) {
  if ((clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) || deadline->tv_nsec < 0 ||
      deadline->tv_nsec >= 1000000000)
    return EINVAL;
  /* A deadline past what 64-bit nanoseconds hold is never reached. */
  int64_t limit_seconds = INT64_MAX / 1000000000 - 1;
  int64_t seconds = deadline->tv_sec < limit_seconds ? deadline->tv_sec : limit_seconds;
  int64_t target = seconds * 1000000000 + deadline->tv_nsec;
  while (clock_now_ns(clock) < target)
    lk_yield();
  return 0;
}
