/* struct timespec, which time.h and sys/stat.h both define. */
#ifndef __LIBC_GPU_TIMESPEC_H
#define __LIBC_GPU_TIMESPEC_H

#include <__libc_gpu/types.h>

struct timespec {
  time_t tv_sec;
  long tv_nsec;
};

#endif
