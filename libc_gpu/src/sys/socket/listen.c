#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int listen(int fd, int backlog) {
  return (int)__syscall_result(lk_listen(fd, backlog));
}
