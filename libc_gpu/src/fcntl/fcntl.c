#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>

#include "../__support/fd.h"

int fcntl(int fd, int command, ...) {
  switch (command) {
  case F_GETFD:
  case F_SETFD:
    /* No exec, so no close-on-exec to keep: only the fd's validity counts. */
    return __fd_status_flags(fd) < 0 ? -1 : 0;
  case F_GETFL:
    return __fd_status_flags(fd);
  case F_SETFL: {
    va_list args;
    va_start(args, command);
    int flags = va_arg(args, int);
    va_end(args);
    return __fd_set_status_flags(fd, flags);
  }
  default:
    errno = EINVAL;
    return -1;
  }
}
