/* chown and its kin: a VM's files belong to the user gpuvm runs as, so
 * ownership is not kept. As Linux's rules go, root may give a file away
 * (accepted, nothing changes); anyone else may only "change" it to their
 * own ids or -1 (EPERM otherwise). */
#ifndef LIBC_GPU_SUPPORT_OWNERSHIP_H
#define LIBC_GPU_SUPPORT_OWNERSHIP_H

#include <sys/types.h>

/* looked_up: what stat/lstat/fstat answered for the file (it must exist:
 * ENOENT, EBADF... as Linux). Returns 0, or -1 with errno set. */
int __ownership_change(int looked_up, uid_t owner, gid_t group);

#endif
