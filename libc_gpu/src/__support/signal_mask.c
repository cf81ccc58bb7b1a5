#include "signal_mask.h"

#include <errno.h>
#include <string.h>

#include "signal_state.h"

int __signal_mask_change(int how, const sigset_t *set, sigset_t *old) {
  unsigned long previous = __signal_blocked;
  if (set) {
    unsigned long bits = __signal_set_bits(set);
    if (how == SIG_BLOCK)
      __signal_blocked |= bits;
    else if (how == SIG_UNBLOCK)
      __signal_blocked &= ~bits;
    else if (how == SIG_SETMASK)
      __signal_blocked = bits;
    else
      return EINVAL;
    /* Silently, as on Linux: these two can never be blocked. */
    __signal_blocked &= ~__SIGNAL_UNBLOCKABLE;
  }
  if (old) {
    memset(old, 0, sizeof *old);
    old->__val[0] = previous;
  }
  __signal_deliver_pending();
  return 0;
}
