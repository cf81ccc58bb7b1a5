#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

ssize_t recv(int fd, void *data, size_t size, int flags) {
  struct lk_iovec piece = {data, size};
  long got;
  do
    got = lk_recvfrom(fd, &piece, 1, flags, NULL, NULL, NULL);
  while (__syscall_restart(got, 1));
  return __syscall_result(got);
}
