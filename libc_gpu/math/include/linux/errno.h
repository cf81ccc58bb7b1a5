/* LLVM libc's full build takes the error numbers from the Linux kernel's
 * <linux/errno.h> when it targets Linux (hdr/errno_macros.h). The host target
 * is Linux-like but has no kernel headers: libc_gpu's <errno.h> has the same
 * numbers. */
#include <errno.h>
