/* gettimeofday, the microsecond wall clock; the interval timers; select, as
 * glibc's sys/time.h declares it too. */
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

#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2

struct itimerval {
  struct timeval it_interval;
  struct timeval it_value;
};

__LIBC_BEGIN_DECLS

/* ITIMER_REAL sends SIGALRM, ITIMER_VIRTUAL SIGVTALRM, ITIMER_PROF SIGPROF
 * (signal.h says when they are delivered). A VM keeps no CPU time apart
 * from its wall time, so the three count the same time. */
int setitimer(int which, const struct itimerval *__LIBC_RESTRICT new_value,
              struct itimerval *__LIBC_RESTRICT old_value) __LIBC_NOEXCEPT;
int getitimer(int which, struct itimerval *current) __LIBC_NOEXCEPT;
/* utimensat in microseconds (NULL: now); lutimes on a symlink itself. */
int utimes(const char *path, const struct timeval times[2]) __LIBC_NOEXCEPT;
int lutimes(const char *path, const struct timeval times[2]) __LIBC_NOEXCEPT;
int futimes(int fd, const struct timeval times[2]) __LIBC_NOEXCEPT;

/* The wall clock, as clock_gettime(CLOCK_REALTIME) gives it, in
 * microseconds. zone, when not NULL, is a struct timezone. Always 0. */
int gettimeofday(struct timeval *__LIBC_RESTRICT now, void *__LIBC_RESTRICT zone) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
