#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
  return (int)__syscall_result(lk_accept4(fd, address, length, flags));
}
