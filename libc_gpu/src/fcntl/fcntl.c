#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

int fcntl(int fd, int command, ...) {
  switch (command) {
  case F_GETFD:
  case F_GETFL:
  case F_GETPIPE_SZ:
    return (int)__syscall_result(lk_fcntl(fd, command, 0));
  case F_SETFD:
  case F_SETFL:
  case F_DUPFD:
  case F_DUPFD_CLOEXEC:
  case F_SETPIPE_SZ: {
    /* The VM's kernel keeps every fd's flags, files' too. */
    va_list args;
    va_start(args, command);
    int argument = va_arg(args, int);
    va_end(args);
    return (int)__syscall_result(lk_fcntl(fd, command, argument));
  }
  default:
    errno = EINVAL;
    return -1;
  }
}
