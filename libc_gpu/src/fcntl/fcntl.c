#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>

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
  case F_GETLK:
  case F_SETLK:
  case F_SETLKW: {
    va_list args;
    va_start(args, command);
    struct flock *lock = va_arg(args, struct flock *);
    va_end(args);
    int access = (int)__syscall_result(lk_fcntl(fd, F_GETFL, 0));
    if (access < 0)
      return -1;
    access &= O_ACCMODE;
    if ((lock->l_type != F_RDLCK && lock->l_type != F_WRLCK && lock->l_type != F_UNLCK) ||
        (lock->l_whence != SEEK_SET && lock->l_whence != SEEK_CUR && lock->l_whence != SEEK_END)) {
      errno = EINVAL;
      return -1;
    }
    if (command == F_GETLK) {
      lock->l_type = F_UNLCK; /* only another process could hold one */
      return 0;
    }
    if ((lock->l_type == F_RDLCK && access == O_WRONLY) ||
        (lock->l_type == F_WRLCK && access == O_RDONLY)) {
      errno = EBADF;
      return -1;
    }
    return 0;
  }
  default:
    errno = EINVAL;
    return -1;
  }
}
