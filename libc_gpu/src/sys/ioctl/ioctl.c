#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int ioctl(int fd, unsigned long request, ...) {
  /* Close-on-exec is the fd table's, which fcntl reaches; these two take no
   * argument. */
  if (request == FIOCLEX || request == FIONCLEX)
    return (int)__syscall_result(lk_fcntl(fd, F_SETFD, request == FIOCLEX ? FD_CLOEXEC : 0));
  va_list args;
  va_start(args, request);
  void *argument = va_arg(args, void *);
  va_end(args);
  return (int)__syscall_result(lk_ioctl(fd, request, argument));
}
