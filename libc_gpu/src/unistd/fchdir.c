#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/path.h"
#include "../__support/syscall_result.h"

int fchdir(int fd) {
  char path[KERNEL_PATH_SIZE];
  if (__syscall_result(lk_fd_path(fd, path, sizeof path)) < 0)
    return -1;
  return chdir(path);
}
