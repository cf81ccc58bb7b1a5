/* Pseudo-terminals. A VM has no /dev/ptmx, so openpty fails as glibc's
 * does on a Linux without it: ENOENT. */
#ifndef __LIBC_GPU_PTY_H
#define __LIBC_GPU_PTY_H

#include <__libc_gpu/common.h>
#include <sys/ioctl.h>
#include <termios.h>

__LIBC_BEGIN_DECLS

int openpty(int *master, int *slave, char *name, const struct termios *attributes,
            const struct winsize *size) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
