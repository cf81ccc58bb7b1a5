#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

int ftruncate(int fd, off_t length) {
  return (int)__syscall_result(lk_ftruncate(fd, length));
}
