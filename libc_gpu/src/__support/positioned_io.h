/* pread and pwrite over lseek: the offset is moved to the position, the
 * transfer made, and the offset put back. A VM is one thread, so nothing
 * can see the offset in between: the same as Linux's one call. */
#ifndef __LIBC_GPU_SUPPORT_POSITIONED_IO_H
#define __LIBC_GPU_SUPPORT_POSITIONED_IO_H

#include <__libc_gpu/types.h>

#define __need_size_t
#include <stddef.h>

/* write_it 0: read into buffer; 1: write from it. */
ssize_t __positioned_io(int fd, void *buffer, size_t size, off_t offset, int write_it);
/* preadv and pwritev: piece by piece at increasing offsets, until one comes
 * back short. */
struct iovec;
ssize_t __positioned_iov(int fd, const struct iovec *iov, int count, off_t offset, int write_it);

#endif
