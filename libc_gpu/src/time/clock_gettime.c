#include <errno.h>
#include <time.h>

#include <lightkernel/syscall.h>

int clock_gettime(clockid_t clock, struct timespec *now) {
  int64_t ns;
  if (clock == CLOCK_REALTIME)
    ns = lk_clock_realtime_ns();
  else if (clock == CLOCK_MONOTONIC)
    ns = lk_clock_monotonic_ns();
  else {
    errno = EINVAL;
    return -1;
  }
  /* Floor division, so that times before 1970 keep 0 <= tv_nsec < 10^9. */
  int64_t seconds = ns / 1000000000;
  int64_t rest = ns % 1000000000;
  if (rest < 0) {
    rest += 1000000000;
    --seconds;
  }
  now->tv_sec = (time_t)seconds;
  now->tv_nsec = (long)rest;
  return 0;
}
