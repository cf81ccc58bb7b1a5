/* sigprocmask and pthread_sigmask: one mask, the only thread's. */
#ifndef LIBC_GPU_SUPPORT_SIGNAL_MASK_H
#define LIBC_GPU_SUPPORT_SIGNAL_MASK_H

#include <signal.h>

/* Returns 0 or an errno value (EINVAL for a bad `how`). */
int __signal_mask_change(int how, const sigset_t *set, sigset_t *old);

#endif
