#include <errno.h>
#include <time.h>

#include <lightkernel/syscall.h>

#include "../__support/timeout.h"

int nanosleep(const struct timespec *duration, struct timespec *remaining) {
  int64_t ns;
  int invalid = duration ? __timeout_from_timespec(duration, &ns) : EFAULT;
  if (invalid) {
    errno = invalid;
    return -1;
  }
  /* Parked, the VM keeps serving its network; nothing interrupts it. */
  lk_sleep_until(__deadline_after(ns));
  if (remaining) {
    remaining->tv_sec = 0;
    remaining->tv_nsec = 0;
  }
  return 0;
}
