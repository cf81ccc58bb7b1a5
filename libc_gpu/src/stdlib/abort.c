#include <stdlib.h>

#include <gpuvm/mailbox.h>
#include <lightkernel/syscall.h>

/* 134 is what a shell reports for a process killed by SIGABRT (128 + 6).
 * Nothing is flushed: the VM's state may be what went wrong. */
void abort(void) {
  lk_exit(134, GPUVM_EXIT_ABORT);
}
