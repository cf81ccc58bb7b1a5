/* Timeouts as the light kernel takes them: nanoseconds, negative for ever. */
#ifndef LIBC_GPU_SUPPORT_TIMEOUT_H
#define LIBC_GPU_SUPPORT_TIMEOUT_H

#include <errno.h>
#include <stdint.h>
#include <time.h>

#include <lightkernel/syscall.h>

#include "signal_timers.h"

/* poll's and epoll_wait's milliseconds. */
static inline int64_t __timeout_from_ms(int ms) {
  return ms < 0 ? -1 : (int64_t)ms * 1000000;
}

/* NULL waits for ever. Returns 0, or EINVAL for a negative time or tv_nsec
 * out of range. Saturates rather than overflow. */
static inline int __timeout_from_timespec(const struct timespec *timeout, int64_t *ns) {
  if (!timeout) {
    *ns = -1;
    return 0;
  }
  if (timeout->tv_sec < 0 || timeout->tv_nsec < 0 || timeout->tv_nsec >= 1000000000)
    return EINVAL;
  if (timeout->tv_sec >= INT64_MAX / 1000000000 - 1)
    *ns = INT64_MAX / 2;
  else
    *ns = (int64_t)timeout->tv_sec * 1000000000 + timeout->tv_nsec;
  return 0;
}

/* The monotonic clock's reading ns from now (ns >= 0), saturating. */
static inline int64_t __deadline_after(int64_t ns) {
  int64_t now = lk_clock_monotonic_ns();
  return ns > INT64_MAX - now ? INT64_MAX : now + ns;
}

/* A wait (poll, epoll_wait, select) that a timer's signal interrupts goes
 * on, when no handler ran, for what is left of its timeout: the deadline
 * is kept only while a timer is armed (0 otherwise: nothing can interrupt
 * the wait, and the clock is not read). */
static inline int64_t __wait_deadline(int64_t timeout_ns) {
  return timeout_ns > 0 && __signal_timer_due ? __deadline_after(timeout_ns) : 0;
}
static inline int64_t __wait_left(int64_t deadline, int64_t timeout_ns) {
  if (!deadline)
    return timeout_ns;
  int64_t left = deadline - lk_clock_monotonic_ns();
  return left > 0 ? left : 0;
}

#endif
