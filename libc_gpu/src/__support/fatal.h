/* Ends the VM after a message, for errors a program cannot recover from. */
#ifndef LIBC_GPU_SUPPORT_FATAL_H
#define LIBC_GPU_SUPPORT_FATAL_H

#ifdef __cplusplus
extern "C" {
#endif

/* Writes `message` to stderr (bypassing stdio, whose state may be the very
 * thing that is broken) and aborts like abort(). */
__attribute__((__noreturn__)) void __libc_fatal(const char *message);

#ifdef __cplusplus
}
#endif

#endif
