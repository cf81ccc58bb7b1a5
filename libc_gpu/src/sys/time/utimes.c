#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>

#include "../../__support/timeval_times.h"

int utimes(const char *path, const struct timeval times[2]) {
  struct timespec converted[2];
  const struct timespec *result;
  int error = __timeval_times(times, converted, &result);
  if (error) {
    errno = error;
    return -1;
  }
  return utimensat(AT_FDCWD, path, result, 0);
}
