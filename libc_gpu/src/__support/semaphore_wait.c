#include "semaphore_wait.h"

#include <errno.h>
#include <stdint.h>

#include <lightkernel/syscall.h>

#include "signal_timers.h"

static int64_t clock_now_ns(clockid_t clock) {
  return clock == CLOCK_REALTIME ? lk_clock_realtime_ns() : lk_clock_monotonic_ns();
}

/* The deadline on the monotonic clock the kernel sleeps by; a deadline
 * past what 64-bit nanoseconds hold is never reached. Read again after
 * each wake, since the real-time clock may be set meanwhile. */
static int64_t monotonic_deadline(clockid_t clock, const struct timespec *deadline) {
  if (deadline->tv_sec < 0)
    return 0;
  if (deadline->tv_sec >= INT64_MAX / 1000000000 - 1)
    return INT64_MAX;
  int64_t target = (int64_t)deadline->tv_sec * 1000000000 + deadline->tv_nsec;
  int64_t left = target - clock_now_ns(clock);
  if (left <= 0)
    return 0;
  int64_t now = lk_clock_monotonic_ns();
  return left > INT64_MAX - now ? INT64_MAX : now + left;
}

int __semaphore_wait(sem_t *semaphore, clockid_t clock, const struct timespec *deadline) {
  for (;;) {
    if (semaphore->__value > 0) {
      --semaphore->__value;
      return 0;
    }
    int64_t until = deadline ? monotonic_deadline(clock, deadline) : INT64_MAX;
    if (until == 0)
      return ETIMEDOUT;
    /* Linux restarts an untimed futex wait after an SA_RESTART handler; a
     * timed one returns EINTR after any handler. */
    if (lk_sleep_until(until) == -EINTR && !__signal_interrupted(deadline == NULL))
      return EINTR;
  }
}
