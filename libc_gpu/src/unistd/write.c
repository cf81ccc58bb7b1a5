#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

ssize_t write(int fd, const void *data, size_t size) {
  long wrote;
  do
    wrote = lk_write(fd, data, size);
  while (__syscall_restart(wrote, 1));
  return __syscall_result(wrote);
}
