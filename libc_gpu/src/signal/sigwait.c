#include <errno.h>
#include <signal.h>
#include <stdint.h>

#include <lightkernel/syscall.h>

#include "../__support/signal_state.h"
#include "../__support/signal_timers.h"

int sigwait(const sigset_t *set, int *sig) {
  unsigned long wanted = __signal_set_bits(set) & ~__SIGNAL_UNBLOCKABLE;
  if (!wanted)
    return EINVAL;
  for (;;) {
    unsigned long ready = __signal_pending & wanted;
    if (ready) {
      int taken = __builtin_ctzl(ready) + 1;
      __signal_pending &= ~__SIGNAL_BIT(taken);
      *sig = taken;
      return 0;
    }
    /* A timer signal that `set` blocks becomes pending when it is run. */
    if (lk_sleep_until(INT64_MAX) == -EINTR)
      __signal_timers_run();
  }
}
