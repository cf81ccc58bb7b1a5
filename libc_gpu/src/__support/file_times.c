#include "file_times.h"

#include <errno.h>
#include <sys/stat.h>

#include <gpuvm/mailbox.h>

static int one_time(const struct timespec *time, int64_t *ns) {
  if (time->tv_nsec == UTIME_NOW) {
    *ns = GPUVM_TIME_NOW;
  } else if (time->tv_nsec == UTIME_OMIT) {
    *ns = GPUVM_TIME_OMIT;
  } else {
    if (time->tv_nsec < 0 || time->tv_nsec >= 1000000000)
      return EINVAL;
    *ns = (int64_t)time->tv_sec * 1000000000 + time->tv_nsec;
  }
  return 0;
}

int __file_times(const struct timespec times[2], int64_t *access_ns, int64_t *modify_ns) {
  if (!times) {
    *access_ns = *modify_ns = GPUVM_TIME_NOW;
    return 0;
  }
  int error = one_time(&times[0], access_ns);
  return error ? error : one_time(&times[1], modify_ns);
}
