#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
  long accepted;
  do
    accepted = lk_accept4(fd, address, length, flags);
  while (__syscall_restart(accepted, 1));
  return (int)__syscall_result(accepted);
}
