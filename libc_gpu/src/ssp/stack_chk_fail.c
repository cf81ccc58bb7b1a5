#include <gpuvm/mailbox.h>
#include <lightkernel/syscall.h>

/* Called by code built with -fstack-protector when a frame's canary changed.
 * The stack is not to be trusted: no stdio, no handlers; only this VM ends,
 * reported as aborted with glibc's message and SIGABRT's status. Hidden: code
 * generation calls it through the PLT, and an exported name would bind to
 * the loading process's glibc first, which would end every VM at once. */
__attribute__((__visibility__("hidden"))) _Noreturn void __stack_chk_fail(void) {
  static const char message[] = "*** stack smashing detected ***: terminated\n";
  lk_write(2, message, sizeof message - 1);
  lk_exit(134, GPUVM_EXIT_ABORT);
}
