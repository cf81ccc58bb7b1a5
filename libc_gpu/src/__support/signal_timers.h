/* The VM's timers that raise signals: setitimer's three (alarm is
 * ITIMER_REAL's) and timer_create's. libc keeps them and tells the light
 * kernel when the next is due; a parked call returns EINTR at that moment,
 * and any call's way back through libc delivers what is due, as Linux
 * delivers a signal on the way out of the kernel. Plain globals: per VM. */
#ifndef LIBC_GPU_SUPPORT_SIGNAL_TIMERS_H
#define LIBC_GPU_SUPPORT_SIGNAL_TIMERS_H

#include <signal.h>
#include <stdint.h>
#include <time.h>

/* The earliest moment (monotonic ns) a timer is due; 0 when none is armed.
 * Read on every call's way back, so it is a plain word. */
extern int64_t __signal_timer_due;

struct __signal_timer {
  int64_t due;      /* monotonic ns; 0: disarmed */
  int64_t interval; /* ns; 0: one shot */
  int overrun;      /* expirations beyond the first at the last delivery */
  int in_use;
  int clock;             /* CLOCK_REALTIME or CLOCK_MONOTONIC (timer_create's) */
  struct sigevent event; /* what an expiry does */
};

/* Slots 0-2 are ITIMER_REAL, ITIMER_VIRTUAL and ITIMER_PROF; timer_create's
 * timer k is slot 3 + k. NULL for an index beyond the table. */
struct __signal_timer *__signal_timer_slot(int index);
/* setitimer's timer `which`; NULL when the heap cannot hold the table. */
struct __signal_timer *__signal_itimer(int which);
/* timer_create's timer `id` while it exists, else NULL. */
struct __signal_timer *__signal_posix_timer(timer_t id);
/* ns as a struct timespec (timer_gettime's answer). */
void __signal_timespec_of(int64_t ns, struct timespec *out);

/* A free slot for timer_create (its index), or -1 when memory is short. */
int __signal_timer_allocate(void);
#define __SIGNAL_ITIMER_SLOTS 3

/* Arms (value_ns > 0: due that far from now), or disarms, the timer, and
 * tells the kernel when the next is due. */
void __signal_timer_arm(struct __signal_timer *timer, int64_t value_ns, int64_t interval_ns);
/* Nanoseconds until the timer is due (0: disarmed; at least 1 when armed). */
int64_t __signal_timer_left(const struct __signal_timer *timer);

/* Delivers every timer signal that is due (runs SIGEV_THREAD functions).
 * Returns __SIGNAL_HANDLED* bits (signal_state.h). */
int __signal_timers_run(void);

/* __signal_timers_run when a timer is due by the clock. */
void __signal_timers_poll(void);

/* A parked call came back with EINTR: delivers what is due. Returns 1 when
 * the call should go on waiting (no handler ran, or every handler that ran
 * has SA_RESTART and the call is one Linux restarts), 0 when it returns
 * EINTR. */
int __signal_interrupted(int restartable);

#endif
