#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

int pipe2(int fds[2], int flags) {
  return (int)__syscall_result(lk_pipe2(fds, flags));
}
