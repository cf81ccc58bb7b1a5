#include <time.h>

time_t time(time_t *now) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  if (now)
    *now = ts.tv_sec;
  return ts.tv_sec;
}
