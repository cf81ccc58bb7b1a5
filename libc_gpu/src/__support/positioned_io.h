/* Positioned transfers of several buffers over pread and pwrite. */
#ifndef __LIBC_GPU_SUPPORT_POSITIONED_IO_H
#define __LIBC_GPU_SUPPORT_POSITIONED_IO_H

#include <__libc_gpu/types.h>

#define __need_size_t
#include <stddef.h>

/* preadv and pwritev: piece by piece at increasing offsets, until one comes
 * back short. */
struct iovec;
ssize_t __positioned_iov(int fd, const struct iovec *iov, int count, off_t offset, int write_it);

#endif
