/* A VM's signal state: what each signal does, which are blocked and which
 * wait for unblocking. Plain globals: per VM. */
#ifndef LIBC_GPU_SUPPORT_SIGNAL_STATE_H
#define LIBC_GPU_SUPPORT_SIGNAL_STATE_H

#include <signal.h>

/* Signals 1..64 as bits 0..63. */
#define __SIGNAL_BIT(sig) (1ul << ((sig)-1))
#define __SIGNAL_UNBLOCKABLE (__SIGNAL_BIT(SIGKILL) | __SIGNAL_BIT(SIGSTOP))

struct __signal_disposition {
  void *handler; /* sighandler_t or sa_sigaction, per SA_SIGINFO */
  unsigned long mask;
  int flags;
};

/* NULL until a program first sets a disposition (SIG_DFL everywhere): the
 * table is on the heap, so that programs that never touch signals (every one
 * that calls abort) carry 8 bytes of it per VM, not 1.5 KiB. */
extern struct __signal_disposition *__signal_dispositions;
extern unsigned long __signal_blocked;
extern unsigned long __signal_pending;

static inline int __signal_valid(int sig) {
  return sig >= 1 && sig < NSIG;
}

/* The table, allocated on first use; NULL when the heap is full. */
struct __signal_disposition *__signal_table(void);

/* What a delivery did, for a call that a signal interrupted: whether a
 * handler ran, and whether one ran without SA_RESTART. */
#define __SIGNAL_HANDLED 1
#define __SIGNAL_HANDLED_NO_RESTART 2

/* Sends `sig` to the VM: pending if blocked, else its handler, SIG_IGN or
 * the default action (which may end the VM). `info` is what an SA_SIGINFO
 * handler gets (NULL: as raise sends it); a signal left pending loses it.
 * Returns __SIGNAL_HANDLED* bits. */
int __signal_deliver(int sig, const siginfo_t *info);
/* Delivers every pending signal the mask no longer blocks; the same bits. */
int __signal_deliver_pending(void);

/* sigset_t's first word is signals 1..64; the rest is never used. */
static inline unsigned long __signal_set_bits(const sigset_t *set) {
  return set->__val[0];
}

#endif
