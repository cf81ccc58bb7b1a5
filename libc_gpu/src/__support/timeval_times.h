/* utimes, futimes and lutimes take microseconds: as struct timespec. */
#ifndef LIBC_GPU_SUPPORT_TIMEVAL_TIMES_H
#define LIBC_GPU_SUPPORT_TIMEVAL_TIMES_H

#include <sys/time.h>
#include <time.h>

/* NULL stays NULL ("now"); EINVAL for a tv_usec out of range, else 0. */
int __timeval_times(const struct timeval in[2], struct timespec out[2],
                    const struct timespec **result);

#endif
