#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "../__support/fd.h"

int dup2(int fd, int new_fd) {
  if (fd == new_fd) /* as Linux: nothing to do for an open fd */
    return __fd_status_flags(fd) < 0 ? -1 : new_fd;
  return __fd_duplicate_to(fd, new_fd, 0);
}
