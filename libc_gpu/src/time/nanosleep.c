#include <errno.h>
#include <time.h>

#include "../__support/busy_wait.h"

int nanosleep(const struct timespec *duration, struct timespec *remaining) {
  if (duration->tv_nsec < 0 || duration->tv_nsec >= 1000000000 || duration->tv_sec < 0) {
    errno = EINVAL;
    return -1;
  }
  /* Saturate rather than overflow for absurd durations. */
  int64_t limit_seconds = INT64_MAX / 1000000000 - 1;
  int64_t seconds = duration->tv_sec < limit_seconds ? duration->tv_sec : limit_seconds;
  __busy_wait_ns(seconds * 1000000000 + duration->tv_nsec);
  if (remaining) {
    remaining->tv_sec = 0;
    remaining->tv_nsec = 0;
  }
  return 0;
}
