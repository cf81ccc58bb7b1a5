#include <errno.h>
#include <time.h>

int nanosleep(const struct timespec *duration, struct timespec *remaining) {
  int error = clock_nanosleep(CLOCK_MONOTONIC, 0, duration, remaining);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
