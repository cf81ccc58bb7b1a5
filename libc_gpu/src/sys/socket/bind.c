#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int bind(int fd, const struct sockaddr *address, socklen_t length) {
  return (int)__syscall_result(lk_bind(fd, address, length));
}
