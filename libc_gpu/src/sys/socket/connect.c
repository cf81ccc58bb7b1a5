#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int connect(int fd, const struct sockaddr *address, socklen_t length) {
  long status;
  do
    status = lk_connect(fd, address, length);
  while (__syscall_restart(status, 1));
  return (int)__syscall_result(status);
}
