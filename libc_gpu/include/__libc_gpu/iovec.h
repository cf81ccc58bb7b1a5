/* struct iovec, which sys/uio.h and sys/socket.h both define. */
#ifndef __LIBC_GPU_IOVEC_H
#define __LIBC_GPU_IOVEC_H

#define __need_size_t
#include <stddef.h>

struct iovec {
  void *iov_base;
  size_t iov_len;
};

#endif
