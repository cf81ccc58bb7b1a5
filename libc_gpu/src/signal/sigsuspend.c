#include <errno.h>
#include <signal.h>
#include <stdint.h>

#include <lightkernel/syscall.h>

#include "../__support/signal_mask.h"
#include "../__support/signal_state.h"
#include "../__support/signal_timers.h"

int sigsuspend(const sigset_t *mask) {
  unsigned long saved = __signal_blocked;
  __signal_blocked = __signal_set_bits(mask) & ~__SIGNAL_UNBLOCKABLE;
  /* Until a handler runs: an ignored signal, or one the mask blocks, does
   * not end the wait. With no timer armed nothing can, as on Linux. */
  while (!(__signal_deliver_pending() & __SIGNAL_HANDLED)) {
    if (lk_sleep_until(INT64_MAX) == -EINTR && (__signal_timers_run() & __SIGNAL_HANDLED))
      break;
  }
  __signal_blocked = saved;
  __signal_deliver_pending();
  errno = EINTR;
  return -1;
}
