#include <errno.h>
#include <string.h>
#include <sys/resource.h>

#include <lightkernel/syscall.h>

#include "../../__support/heap.h"
#include "../../__support/process_start.h"

int getrusage(int who, struct rusage *usage) {
  if (who != RUSAGE_SELF && who != RUSAGE_THREAD && who != RUSAGE_CHILDREN) {
    errno = EINVAL;
    return -1;
  }
  memset(usage, 0, sizeof *usage);
  if (who == RUSAGE_CHILDREN)
    return 0;
  int64_t us = (lk_clock_monotonic_ns() - __process_start_ns) / 1000;
  usage->ru_utime.tv_sec = (time_t)(us / 1000000);
  usage->ru_utime.tv_usec = (suseconds_t)(us % 1000000);
  usage->ru_maxrss = (long)(__heap_peak_bytes() / 1024);
  return 0;
}
