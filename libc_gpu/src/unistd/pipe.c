#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

int pipe(int fds[2]) {
  return (int)__syscall_result(lk_pipe2(fds, 0));
}
