#include <sys/time.h>
#include <time.h>

int gettimeofday(struct timeval *restrict now, void *restrict zone) {
  if (now) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    now->tv_sec = ts.tv_sec;
    now->tv_usec = ts.tv_nsec / 1000;
  }
  /* The obsolete time zone argument: UTC, no summer time, as Linux gives. */
  if (zone) {
    struct timezone *utc = (struct timezone *)zone;
    utc->tz_minuteswest = 0;
    utc->tz_dsttime = 0;
  }
  return 0;
}
