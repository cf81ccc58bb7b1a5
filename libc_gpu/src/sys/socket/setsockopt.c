#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int setsockopt(int fd, int level, int name, const void *value, socklen_t length) {
  return (int)__syscall_result(lk_setsockopt(fd, level, name, value, length));
}
