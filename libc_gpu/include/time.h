#ifndef __LIBC_GPU_TIME_H
#define __LIBC_GPU_TIME_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/timespec.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#define __need_NULL
#include <stddef.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1

__LIBC_BEGIN_DECLS

int clock_gettime(clockid_t clock, struct timespec *now) __LIBC_NOEXCEPT;
time_t time(time_t *now) __LIBC_NOEXCEPT;
/* Busy-waits, yielding to the VMs that share the processor; never interrupted. */
int nanosleep(const struct timespec *duration, struct timespec *remaining) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
