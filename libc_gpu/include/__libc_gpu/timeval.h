/* struct timeval, which sys/time.h and sys/select.h both define. */
#ifndef __LIBC_GPU_TIMEVAL_H
#define __LIBC_GPU_TIMEVAL_H

#include <__libc_gpu/types.h>

struct timeval {
  time_t tv_sec;
  suseconds_t tv_usec;
};

#endif
