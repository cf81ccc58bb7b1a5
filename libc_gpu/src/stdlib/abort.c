#include <signal.h>
#include <stdlib.h>

#include <gpuvm/mailbox.h>
#include <lightkernel/syscall.h>

#include "../__support/signal_state.h"

/* As on Linux: SIGABRT is unblocked and raised, so a handler the program set
 * runs first; if it returns (or SIGABRT is ignored) the VM ends anyway. 134
 * is what a shell reports for a process killed by SIGABRT (128 + 6).
 * Nothing is flushed: the VM's state may be what went wrong. */
void abort(void) {
  if (__signal_dispositions) {
    __signal_blocked &= ~__SIGNAL_BIT(SIGABRT);
    __signal_deliver(SIGABRT, NULL);
  }
  lk_exit(128 + SIGABRT, GPUVM_EXIT_ABORT);
}
