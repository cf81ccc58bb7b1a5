#include "signal_state.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gpuvm/mailbox.h>
#include <lightkernel/syscall.h>

struct __signal_disposition *__signal_dispositions;
unsigned long __signal_blocked;
unsigned long __signal_pending;

struct __signal_disposition *__signal_table(void) {
  if (!__signal_dispositions)
    __signal_dispositions = calloc(NSIG - 1, sizeof *__signal_dispositions);
  return __signal_dispositions;
}

/* Linux's default actions. Stopping has no one to continue the VM, so the
 * stop signals are ignored like the signals whose default is to ignore. */
static int ignored_by_default(int sig) {
  switch (sig) {
  case SIGCHLD:
  case SIGCONT:
  case SIGURG:
  case SIGWINCH:
  case SIGSTOP:
  case SIGTSTP:
  case SIGTTIN:
  case SIGTTOU:
    return 1;
  default:
    return 0;
  }
}

int __signal_deliver(int sig, const siginfo_t *info) {
  unsigned long bit = __SIGNAL_BIT(sig);
  if (__signal_blocked & bit & ~__SIGNAL_UNBLOCKABLE) {
    __signal_pending |= bit;
    return 0;
  }
  struct __signal_disposition none = {0, 0, 0};
  struct __signal_disposition *slot = __signal_dispositions && sig != SIGKILL && sig != SIGSTOP
                                          ? &__signal_dispositions[sig - 1]
                                          : &none;
  struct __signal_disposition action = *slot;
  if (action.handler == (void *)SIG_IGN)
    return 0;
  if (action.handler == (void *)SIG_DFL) {
    if (ignored_by_default(sig))
      return 0;
    /* Killed by the signal: what a shell reports as 128 + sig. Nothing is
     * flushed, as on Linux. */
    lk_exit(128 + sig, GPUVM_EXIT_ABORT);
  }
  if (action.flags & (int)SA_RESETHAND) {
    slot->handler = (void *)SIG_DFL;
    slot->flags &= ~SA_SIGINFO;
  }
  unsigned long saved = __signal_blocked;
  __signal_blocked |= action.mask | ((action.flags & SA_NODEFER) ? 0 : bit);
  __signal_blocked &= ~__SIGNAL_UNBLOCKABLE;
  if (action.flags & SA_SIGINFO) {
    siginfo_t sent;
    if (info) {
      sent = *info;
    } else {
      memset(&sent, 0, sizeof sent);
      sent.si_code = SI_TKILL;
      sent.si_pid = getpid();
    }
    sent.si_signo = sig;
    ((void (*)(int, siginfo_t *, void *))action.handler)(sig, &sent, NULL);
  } else {
    ((sighandler_t)action.handler)(sig);
  }
  __signal_blocked = saved;
  int handled = __SIGNAL_HANDLED | (action.flags & SA_RESTART ? 0 : __SIGNAL_HANDLED_NO_RESTART);
  return handled | __signal_deliver_pending();
}

int __signal_deliver_pending(void) {
  int handled = 0;
  while (__signal_pending & ~__signal_blocked) {
    unsigned long ready = __signal_pending & ~__signal_blocked;
    int sig = __builtin_ctzl(ready) + 1;
    __signal_pending &= ~__SIGNAL_BIT(sig);
    handled |= __signal_deliver(sig, NULL);
  }
  return handled;
}
