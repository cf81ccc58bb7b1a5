#include <fcntl.h>
#include <stdarg.h>

#include "../__support/fd.h"

int open(const char *path, int flags, ...) {
  mode_t mode = 0;
  /* The mode argument is there only when a file may be created. */
  if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) {
    va_list args;
    va_start(args, flags);
    mode = va_arg(args, mode_t);
    va_end(args);
  }
  return __fd_open(path, flags, mode);
}
