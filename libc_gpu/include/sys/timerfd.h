/* timerfd: a timer behind an fd; read() gives the 8-byte count of
 * expirations. Clocks: CLOCK_REALTIME and CLOCK_MONOTONIC. */
#ifndef __LIBC_GPU_SYS_TIMERFD_H
#define __LIBC_GPU_SYS_TIMERFD_H

#include <__libc_gpu/common.h>
#include <time.h>

#define TFD_TIMER_ABSTIME 1
#define TFD_TIMER_CANCEL_ON_SET 2
#define TFD_CLOEXEC 02000000
#define TFD_NONBLOCK 04000

__LIBC_BEGIN_DECLS

int timerfd_create(clockid_t clock, int flags) __LIBC_NOEXCEPT;
int timerfd_settime(int fd, int flags, const struct itimerspec *new_value,
                    struct itimerspec *old_value) __LIBC_NOEXCEPT;
int timerfd_gettime(int fd, struct itimerspec *current) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
