/* splice's and tee's checks of their two fds, in Linux's order. A VM's
 * pipes are not spliced: past these checks both calls answer EINVAL, as
 * Linux does when neither fd is a pipe. */
#ifndef LIBC_GPU_SUPPORT_SPLICE_ENDS_H
#define LIBC_GPU_SUPPORT_SPLICE_ENDS_H

#include <sys/stat.h>

/* 0, or EBADF when in is not open for reading or out not for writing. The
 * kinds (S_IFIFO...) of both are stored. */
int __splice_ends(int in, int out, mode_t *in_kind, mode_t *out_kind);

#define __SPLICE_FLAGS 0xf

#endif
