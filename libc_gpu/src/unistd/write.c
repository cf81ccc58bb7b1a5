#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

ssize_t write(int fd, const void *data, size_t size) {
  return __syscall_result(lk_write(fd, data, size));
}
