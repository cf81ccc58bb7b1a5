#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

ssize_t send(int fd, const void *data, size_t size, int flags) {
  struct lk_iovec piece = {(void *)data, size};
  long sent;
  do
    sent = lk_sendto(fd, &piece, 1, flags, NULL, 0);
  while (__syscall_restart(sent, 1));
  return __syscall_result(sent);
}
