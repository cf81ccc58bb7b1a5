/* gettimeofday, the microsecond wall clock; select, as glibc's sys/time.h
 * declares it too. */
#ifndef __LIBC_GPU_SYS_TIME_H
#define __LIBC_GPU_SYS_TIME_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/timeval.h>
#include <__libc_gpu/types.h>
#include <sys/select.h>

/* Obsolete: gettimeofday fills it with zeros (UTC, no summer time). */
struct timezone {
  int tz_minuteswest;
  int tz_dsttime;
};

/* BSD's arithmetic on struct timeval, as glibc provides it. */
#define timerisset(tv) ((tv)->tv_sec || (tv)->tv_usec)
#define timerclear(tv) ((tv)->tv_sec = (tv)->tv_usec = 0)
#define timercmp(a, b, CMP)                                                                        \
  ((a)->tv_sec == (b)->tv_sec ? (a)->tv_usec CMP(b)->tv_usec : (a)->tv_sec CMP(b)->tv_sec)
#define timeradd(a, b, result)                                                                     \
  do {                                                                                             \
    (result)->tv_sec = (a)->tv_sec + (b)->tv_sec;                                                  \
    (result)->tv_usec = (a)->tv_usec + (b)->tv_usec;                                               \
    if ((result)->tv_usec >= 1000000) {                                                            \
      ++(result)->tv_sec;                                                                          \
      (result)->tv_usec -= 1000000;                                                                \
    }                                                                                              \
  } while (0)
#define timersub(a, b, result)                                                                     \
  do {                                                                                             \
    (result)->tv_sec = (a)->tv_sec - (b)->tv_sec;                                                  \
    (result)->tv_usec = (a)->tv_usec - (b)->tv_usec;                                               \
    if ((result)->tv_usec < 0) {                                                                   \
      --(result)->tv_sec;                                                                          \
      (result)->tv_usec += 1000000;                                                                \
    }                                                                                              \
  } while (0)

__LIBC_BEGIN_DECLS

/* The wall clock, as clock_gettime(CLOCK_REALTIME) gives it, in
 * microseconds. zone, when not NULL, is a struct timezone. Always 0. */
int gettimeofday(struct timeval *__LIBC_RESTRICT now, void *__LIBC_RESTRICT zone) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
