#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

int dup(int fd) {
  return (int)__syscall_result(lk_dup(fd));
}
