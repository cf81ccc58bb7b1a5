/* Scatter and gather I/O. */
#ifndef __LIBC_GPU_SYS_UIO_H
#define __LIBC_GPU_SYS_UIO_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/iovec.h>
#include <__libc_gpu/types.h>

#define UIO_MAXIOV 1024

__LIBC_BEGIN_DECLS

/* On a socket, one send or receive of the whole vector (a blocking writev
 * sends everything); on files and the console, one read or write per
 * element, stopping at the first short one. At most UIO_MAXIOV elements
 * (EINVAL past that). */
ssize_t readv(int fd, const struct iovec *iov, int count) __LIBC_NOEXCEPT;
ssize_t writev(int fd, const struct iovec *iov, int count) __LIBC_NOEXCEPT;
ssize_t preadv(int fd, const struct iovec *iov, int count, off_t offset) __LIBC_NOEXCEPT;
ssize_t pwritev(int fd, const struct iovec *iov, int count, off_t offset) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
