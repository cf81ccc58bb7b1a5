#include <sys/stat.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int fchmod(int fd, mode_t mode) {
  return (int)__syscall_result(lk_fchmod(fd, (int)mode));
}
