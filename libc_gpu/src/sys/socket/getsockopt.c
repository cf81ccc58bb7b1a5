#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int getsockopt(int fd, int level, int name, void *value, socklen_t *length) {
  return (int)__syscall_result(lk_getsockopt(fd, level, name, value, length));
}
