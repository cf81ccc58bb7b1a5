#include "signal_timers.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <lightkernel/syscall.h>

#include "signal_state.h"

int64_t __signal_timer_due;

/* Timers live on the heap, as the signal table does: a program that never
 * sets one pays nothing. Linux's default limit on a process's timers is in
 * the thousands (RLIMIT_SIGPENDING); a VM's heap is the limit here. */
static struct __signal_timer *timers;
static int timer_count;
/* A handler that makes a call must not deliver the timers again from
 * inside this loop. */
static int running;

struct __signal_timer *__signal_timer_slot(int index) {
  if (index < 0 || index >= timer_count)
    return NULL;
  return &timers[index];
}

struct __signal_timer *__signal_posix_timer(timer_t id) {
  intptr_t k = (intptr_t)id;
  if (k < 0 || k > INT32_MAX - __SIGNAL_ITIMER_SLOTS)
    return NULL;
  struct __signal_timer *timer = __signal_timer_slot((int)k + __SIGNAL_ITIMER_SLOTS);
  return timer && timer->in_use ? timer : NULL;
}

void __signal_timespec_of(int64_t ns, struct timespec *out) {
  out->tv_sec = (time_t)(ns / 1000000000);
  out->tv_nsec = (long)(ns % 1000000000);
}

static int grow(int wanted) {
  if (wanted <= timer_count)
    return 0;
  int count = timer_count ? timer_count * 2 : 8;
  while (count < wanted)
    count *= 2;
  struct __signal_timer *bigger = realloc(timers, (size_t)count * sizeof *timers);
  if (!bigger)
    return -1;
  memset(bigger + timer_count, 0, (size_t)(count - timer_count) * sizeof *bigger);
  static const int itimer_signals[__SIGNAL_ITIMER_SLOTS] = {SIGALRM, SIGVTALRM, SIGPROF};
  for (int i = timer_count; i < __SIGNAL_ITIMER_SLOTS && i < count; ++i) {
    bigger[i].in_use = 1;
    bigger[i].event.sigev_notify = SIGEV_SIGNAL;
    bigger[i].event.sigev_signo = itimer_signals[i];
  }
  timers = bigger;
  timer_count = count;
  return 0;
}

struct __signal_timer *__signal_itimer(int which) {
  return grow(__SIGNAL_ITIMER_SLOTS) ? NULL : &timers[which];
}

int __signal_timer_allocate(void) {
  if (grow(__SIGNAL_ITIMER_SLOTS))
    return -1;
  for (int i = __SIGNAL_ITIMER_SLOTS; i < timer_count; ++i)
    if (!timers[i].in_use)
      return i;
  int index = timer_count;
  return grow(timer_count + 1) ? -1 : index;
}

/* The earliest due timer goes to the kernel, so that a parked call wakes
 * for it. */
static void schedule(void) {
  int64_t next = 0;
  for (int i = 0; i < timer_count; ++i)
    if (timers[i].due && (!next || timers[i].due < next))
      next = timers[i].due;
  __signal_timer_due = next;
  lk_signal_alarm(next ? next : -1);
}

void __signal_timer_arm(struct __signal_timer *timer, int64_t value_ns, int64_t interval_ns) {
  if (value_ns > 0) {
    int64_t now = lk_clock_monotonic_ns();
    timer->due = value_ns > INT64_MAX - now ? INT64_MAX : now + value_ns;
  } else {
    timer->due = 0;
  }
  timer->interval = interval_ns;
  timer->overrun = 0;
  schedule();
}

int64_t __signal_timer_left(const struct __signal_timer *timer) {
  if (!timer->due)
    return 0;
  int64_t left = timer->due - lk_clock_monotonic_ns();
  return left > 0 ? left : 1;
}

static int expire(int index, struct __signal_timer *timer) {
  struct sigevent event = timer->event;
  if (event.sigev_notify == SIGEV_NONE)
    return 0;
  if (event.sigev_notify == SIGEV_THREAD) {
    /* A VM is one thread: the function runs in it, where a handler would.
     * On Linux another thread runs it and no call of the VM's is cut
     * short, so none is here (0: nothing a handler did). */
    event.sigev_notify_function(event.sigev_value);
    return 0;
  }
  siginfo_t info;
  memset(&info, 0, sizeof info);
  if (index < __SIGNAL_ITIMER_SLOTS) {
    info.si_code = SI_KERNEL;
  } else {
    info.si_code = SI_TIMER;
    info.si_timerid = index - __SIGNAL_ITIMER_SLOTS;
    info.si_overrun = timer->overrun;
    info.si_value = event.sigev_value;
  }
  return __signal_deliver(event.sigev_signo, &info);
}

int __signal_timers_run(void) {
  if (running || !__signal_timer_due)
    return 0;
  running = 1;
  int handled = 0;
  int64_t now = lk_clock_monotonic_ns();
  for (int i = 0; i < timer_count; ++i) {
    struct __signal_timer *timer = &timers[i];
    if (!timer->due || timer->due > now)
      continue;
    /* A periodic timer that fell behind fires once and counts the rest
     * as overruns, as POSIX says. */
    int64_t late = now - timer->due;
    int64_t missed = timer->interval ? late / timer->interval : 0;
    timer->due = timer->interval ? timer->due + (missed + 1) * timer->interval : 0;
    /* While its last signal still waits behind the mask, an expiry only
     * counts (Linux queues one signal per timer). */
    int signo = timer->event.sigev_signo;
    int queued =
        timer->event.sigev_notify == SIGEV_SIGNAL && (__signal_pending & __SIGNAL_BIT(signo));
    int64_t overrun = queued ? timer->overrun + missed + 1 : missed;
    timer->overrun = overrun > 0x7fffffff ? 0x7fffffff : (int)overrun;
    if (!queued)
      handled |= expire(i, timer);
  }
  running = 0;
  schedule();
  return handled;
}

void __signal_timers_poll(void) {
  if (lk_clock_monotonic_ns() >= __signal_timer_due)
    __signal_timers_run();
}

int __signal_interrupted(int restartable) {
  int handled = __signal_timers_run();
  if (!(handled & __SIGNAL_HANDLED))
    return 1;
  return restartable && !(handled & __SIGNAL_HANDLED_NO_RESTART);
}
