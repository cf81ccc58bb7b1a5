#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

ssize_t pwrite(int fd, const void *data, size_t size, off_t offset) {
  return __syscall_result(lk_pwrite(fd, data, size, offset));
}
