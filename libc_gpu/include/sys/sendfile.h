/* sendfile: from a file to a socket (or any fd) without the program
 * copying. */
#ifndef __LIBC_GPU_SYS_SENDFILE_H
#define __LIBC_GPU_SYS_SENDFILE_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#include <stddef.h>

__LIBC_BEGIN_DECLS

/* As on Linux: reads from *offset when offset is not NULL (then advances
 * *offset and leaves in_fd's position alone), else from in_fd's position
 * (which advances). Returns the bytes sent, short at end of file or when a
 * non-blocking socket fills; on a TCP socket the file's bytes go straight
 * into the send buffer. */
ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
