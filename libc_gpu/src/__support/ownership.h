/* chown and its kin: a VM's files belong to the user gpuvm runs as, so
 * ownership is not kept. As Linux's rules go, root may give a file away
 * (accepted, nothing changes); anyone else may only "change" it to their
 * own ids or -1 (EPERM otherwise). */
#ifndef LIBC_GPU_SUPPORT_OWNERSHIP_H
#define LIBC_GPU_SUPPORT_OWNERSHIP_H

#include <sys/types.h>

/* 0 when the VM may make this change, else EPERM. */
int __ownership_change_allowed(uid_t owner, gid_t group);

#endif
