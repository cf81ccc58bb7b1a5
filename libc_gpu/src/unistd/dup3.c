#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "../__support/fd.h"

int dup3(int fd, int new_fd, int flags) {
  if ((flags & ~O_CLOEXEC) || fd == new_fd) {
    errno = EINVAL;
    return -1;
  }
  return __fd_duplicate_to(fd, new_fd, flags & O_CLOEXEC);
}
