#include "wait_mask.h"

#include <errno.h>

#include "signal_mask.h"
#include "signal_state.h"

int __wait_mask_begin(const sigset_t *mask, sigset_t *saved) {
  if (!mask)
    return 0;
  unsigned long unblocked = __signal_pending & ~(__signal_set_bits(mask) & ~__SIGNAL_UNBLOCKABLE);
  __signal_mask_change(SIG_SETMASK, mask, saved);
  if (unblocked) {
    __signal_mask_change(SIG_SETMASK, saved, 0);
    errno = EINTR;
    return -1;
  }
  return 0;
}

void __wait_mask_end(const sigset_t *mask, const sigset_t *saved) {
  if (mask)
    __signal_mask_change(SIG_SETMASK, saved, 0);
}
