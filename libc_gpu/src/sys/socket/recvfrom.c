#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

ssize_t recvfrom(int fd, void *data, size_t size, int flags, struct sockaddr *address,
                 socklen_t *length) {
  struct lk_iovec piece = {data, size};
  /* As Linux: no address is written without a length to bound it. */
  long got;
  do
    got = lk_recvfrom(fd, &piece, 1, flags, length ? address : NULL, length, NULL);
  while (__syscall_restart(got, 1));
  return __syscall_result(got);
}
