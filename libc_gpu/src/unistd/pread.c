#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

ssize_t pread(int fd, void *data, size_t size, off_t offset) {
  return __syscall_result(lk_pread(fd, data, size, offset));
}
