#ifndef __LIBC_GPU_SYS_PRCTL_H
#define __LIBC_GPU_SYS_PRCTL_H

#include <__libc_gpu/common.h>

#define PR_SET_PDEATHSIG 1
#define PR_GET_PDEATHSIG 2
#define PR_GET_DUMPABLE 3
#define PR_SET_DUMPABLE 4
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define PR_SET_NO_NEW_PRIVS 38
#define PR_GET_NO_NEW_PRIVS 39

__LIBC_BEGIN_DECLS

/* The calls servers make, answered for the VM's one process: the name (16
 * bytes with its NUL), the parent-death signal, the dumpable and
 * no-new-privileges flags are kept and read back; any other option is
 * EINVAL, as Linux answers an option it does not know. */
int prctl(int option, ...) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
