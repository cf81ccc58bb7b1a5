#include <errno.h>
#include <signal.h>
#include <string.h>

#include "../__support/signal_state.h"

int sigaction(int sig, const struct sigaction *action, struct sigaction *old) {
  /* SIGKILL and SIGSTOP cannot be caught or ignored; glibc keeps 32 and 33. */
  if (!__signal_valid(sig) || (action && (sig == SIGKILL || sig == SIGSTOP)) || sig == 32 ||
      sig == 33) {
    errno = EINVAL;
    return -1;
  }
  struct __signal_disposition current = {0, 0, 0};
  if (__signal_dispositions)
    current = __signal_dispositions[sig - 1];
  if (action) {
    struct __signal_disposition *table = __signal_table();
    if (!table) {
      errno = ENOMEM;
      return -1;
    }
    table[sig - 1].handler =
        (action->sa_flags & SA_SIGINFO) ? (void *)action->sa_sigaction : (void *)action->sa_handler;
    table[sig - 1].mask = __signal_set_bits(&action->sa_mask) & ~__SIGNAL_UNBLOCKABLE;
    table[sig - 1].flags = action->sa_flags;
  }
  if (old) {
    memset(old, 0, sizeof *old);
    if (current.flags & SA_SIGINFO)
      old->sa_sigaction = (void (*)(int, siginfo_t *, void *))current.handler;
    else
      old->sa_handler = (sighandler_t)current.handler;
    old->sa_mask.__val[0] = current.mask;
    old->sa_flags = current.flags;
  }
  return 0;
}
