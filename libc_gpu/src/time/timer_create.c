#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "../__support/signal_timers.h"

/* SIGEV_THREAD's function runs in the VM's one thread when the timer
 * expires, at its next kernel entry, as a handler would. */
int timer_create(clockid_t clock, struct sigevent *event, timer_t *id) {
  if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) {
    errno = EINVAL;
    return -1;
  }
  struct sigevent chosen;
  memset(&chosen, 0, sizeof chosen);
  if (event) {
    chosen = *event;
    int signal_needed = chosen.sigev_notify == SIGEV_SIGNAL;
    if ((chosen.sigev_notify != SIGEV_SIGNAL && chosen.sigev_notify != SIGEV_NONE &&
         chosen.sigev_notify != SIGEV_THREAD) ||
        (signal_needed && (chosen.sigev_signo < 1 || chosen.sigev_signo >= NSIG)) ||
        (chosen.sigev_notify == SIGEV_THREAD && !chosen.sigev_notify_function)) {
      errno = EINVAL;
      return -1;
    }
  }
  int index = __signal_timer_allocate();
  if (index < 0) {
    errno = EAGAIN;
    return -1;
  }
  if (!event) {
    /* glibc's default: SIGALRM with a zero value (the kernel's would be
     * the timer's id, but glibc passes its own sigevent). */
    chosen.sigev_notify = SIGEV_SIGNAL;
    chosen.sigev_signo = SIGALRM;
  }
  struct __signal_timer *timer = __signal_timer_slot(index);
  memset(timer, 0, sizeof *timer);
  timer->in_use = 1;
  timer->clock = clock;
  timer->event = chosen;
  *id = (timer_t)(intptr_t)(index - __SIGNAL_ITIMER_SLOTS);
  return 0;
}
