/* flock(2): whole-file locks among the VM's own open files (a lock belongs
 * to an open file and the fds dup'ed from it; two opens of one file
 * conflict, as on Linux). Waiting for a lock the VM itself holds can end
 * only by a signal's handler (EINTR), as it would in a one-thread process. */
#ifndef __LIBC_GPU_SYS_FILE_H
#define __LIBC_GPU_SYS_FILE_H

#include <__libc_gpu/common.h>
#include <fcntl.h>

#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8

__LIBC_BEGIN_DECLS

int flock(int fd, int operation) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
