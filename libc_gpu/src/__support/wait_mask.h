/* The signal mask of ppoll, pselect and epoll_pwait. Nothing outside a VM
 * sends it signals, so none can arrive during the wait itself: what the
 * mask changes is whether a signal already pending is delivered when the
 * wait starts, and then the call fails with EINTR, as on Linux. */
#ifndef LIBC_GPU_SUPPORT_WAIT_MASK_H
#define LIBC_GPU_SUPPORT_WAIT_MASK_H

#include <signal.h>

/* With mask NULL, does nothing and returns 0. Else sets the mask, keeping
 * the old one in *saved; when that delivered a pending signal, puts the old
 * mask back and returns -1 with errno EINTR. */
int __wait_mask_begin(const sigset_t *mask, sigset_t *saved);
/* Puts back the mask __wait_mask_begin replaced (nothing for mask NULL). */
void __wait_mask_end(const sigset_t *mask, const sigset_t *saved);

#endif
