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
#define TIMER_ABSTIME 1

struct sigevent;

/* A timer's setting (timerfd_settime): 64-bit fields, as on x86-64 Linux. */
struct itimerspec {
  struct timespec it_interval;
  struct timespec it_value;
};
/* clock()'s unit, glibc's value. */
#define CLOCKS_PER_SEC ((clock_t)1000000)

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
/* 1 ns, or 10 ns on AMD GPUs (their counter runs at 100 MHz). */
int clock_getres(clockid_t clock, struct timespec *resolution) __LIBC_NOEXCEPT;
time_t time(time_t *now) __LIBC_NOEXCEPT;
/* CPU time is not tracked: the monotonic clock's time since the VM's first
 * call, in CLOCKS_PER_SEC units. */
clock_t clock(void) __LIBC_NOEXCEPT;
/* Exact up to the double's rounding, even when end - start overflows. */
double difftime(time_t end, time_t start) __LIBC_NOEXCEPT __attribute__((__const__));

/* A VM's time zone is UTC, with no summer time. gmtime names the zone "GMT"
 * and localtime "UTC", as glibc with TZ=UTC does. The results fail with
 * EOVERFLOW when the year does not fit tm_year; gmtime and localtime share
 * no storage and each VM has its own. */
struct tm *gmtime(const time_t *seconds) __LIBC_NOEXCEPT;
struct tm *gmtime_r(const time_t *__LIBC_RESTRICT seconds,
                    struct tm *__LIBC_RESTRICT out) __LIBC_NOEXCEPT;
struct tm *localtime(const time_t *seconds) __LIBC_NOEXCEPT;
struct tm *localtime_r(const time_t *__LIBC_RESTRICT seconds,
                       struct tm *__LIBC_RESTRICT out) __LIBC_NOEXCEPT;
/* "Sun Sep 16 01:03:52 1973\n", as glibc writes it (ctime: of localtime, in
 * UTC). asctime_r and ctime_r take POSIX's 26 bytes and fail with EOVERFLOW
 * for a year that does not fit them; each VM has its own asctime buffer. */
char *asctime(const struct tm *time) __LIBC_NOEXCEPT;
char *asctime_r(const struct tm *__LIBC_RESTRICT time, char *__LIBC_RESTRICT out) __LIBC_NOEXCEPT;
char *ctime(const time_t *seconds) __LIBC_NOEXCEPT;
char *ctime_r(const time_t *seconds, char *out) __LIBC_NOEXCEPT;
/* Normalize out-of-range fields as glibc does and set tm_wday and tm_yday;
 * -1 with EOVERFLOW when the result's year does not fit. mktime reads a
 * positive tm_isdst, as glibc in UTC, as summer time one hour ahead. */
time_t mktime(struct tm *time) __LIBC_NOEXCEPT;
time_t timegm(struct tm *time) __LIBC_NOEXCEPT;
/* Parks the VM until the time has passed (its network keeps running), or
 * until a timer's signal runs a handler: then -1 with EINTR and the time
 * left in *remaining (clock_nanosleep: the error number, as POSIX says). */
int nanosleep(const struct timespec *duration, struct timespec *remaining) __LIBC_NOEXCEPT;
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *duration,
                    struct timespec *remaining) __LIBC_NOEXCEPT;

/* POSIX timers on CLOCK_REALTIME or CLOCK_MONOTONIC (EINVAL for others),
 * as many as the VM's heap holds (EAGAIN past that). An expiry sends the
 * sigevent's signal (SIGALRM with the timer's id when `event` is NULL; see
 * signal.h for when it is delivered), nothing (SIGEV_NONE), or runs
 * SIGEV_THREAD's function in the VM's one thread at the same moment a
 * handler would run. A periodic timer that fell behind fires once and
 * counts the rest in timer_getoverrun. */
int timer_create(clockid_t clock, struct sigevent *__LIBC_RESTRICT event,
                 timer_t *__LIBC_RESTRICT id) __LIBC_NOEXCEPT;
int timer_settime(timer_t id, int flags, const struct itimerspec *__LIBC_RESTRICT new_value,
                  struct itimerspec *__LIBC_RESTRICT old_value) __LIBC_NOEXCEPT;
int timer_gettime(timer_t id, struct itimerspec *current) __LIBC_NOEXCEPT;
int timer_getoverrun(timer_t id) __LIBC_NOEXCEPT;
int timer_delete(timer_t id) __LIBC_NOEXCEPT;

/* The C locale's formats; every conversion of C11 and POSIX but the E and O
 * modifiers, which are read and ignored. Time zone: UTC. */
size_t strftime(char *__LIBC_RESTRICT out, size_t size, const char *__LIBC_RESTRICT format,
                const struct tm *__LIBC_RESTRICT time) __LIBC_NOEXCEPT;
size_t strftime_l(char *__LIBC_RESTRICT out, size_t size, const char *__LIBC_RESTRICT format,
                  const struct tm *__LIBC_RESTRICT time, locale_t locale) __LIBC_NOEXCEPT;

/* Text to broken-down time, as glibc's strptime in the C locale reads it
 * (%Z is skipped; %z sets tm_gmtoff; %s is read in UTC). Fields the text
 * does not give are left as they were, but tm_wday and tm_yday, computed
 * from the date when it has one. */
char *strptime(const char *__LIBC_RESTRICT text, const char *__LIBC_RESTRICT format,
               struct tm *__LIBC_RESTRICT time) __LIBC_NOEXCEPT;

/* A VM's time is UTC: tzset has no zone to read; these say so. */
extern char *tzname[2];
extern long timezone;
extern int daylight;
void tzset(void) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
