#ifndef __LIBC_GPU_TIME_H
#define __LIBC_GPU_TIME_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/locale_t.h>
#include <__libc_gpu/timespec.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#define __need_NULL
#include <stddef.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1

/* Broken-down time, with glibc's fields. */
struct tm {
  int tm_sec;
  int tm_min;
  int tm_hour;
  int tm_mday;
  int tm_mon;
  int tm_year;
  int tm_wday;
  int tm_yday;
  int tm_isdst;
  long tm_gmtoff;
  const char *tm_zone;
};

__LIBC_BEGIN_DECLS

int clock_gettime(clockid_t clock, struct timespec *now) __LIBC_NOEXCEPT;
time_t time(time_t *now) __LIBC_NOEXCEPT;
/* Busy-waits, yielding to the VMs that share the processor; never interrupted. */
int nanosleep(const struct timespec *duration, struct timespec *remaining) __LIBC_NOEXCEPT;

/* The C locale's formats; every conversion of C11 and POSIX but the E and O
 * modifiers, which are read and ignored. Time zone: UTC. */
size_t strftime(char *__LIBC_RESTRICT out, size_t size, const char *__LIBC_RESTRICT format,
                const struct tm *__LIBC_RESTRICT time) __LIBC_NOEXCEPT;
size_t strftime_l(char *__LIBC_RESTRICT out, size_t size, const char *__LIBC_RESTRICT format,
                  const struct tm *__LIBC_RESTRICT time, locale_t locale) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
