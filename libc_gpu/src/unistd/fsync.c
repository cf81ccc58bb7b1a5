#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

int fsync(int fd) {
  return (int)__syscall_result(lk_fsync(fd, 0));
}
