#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

#include "../__support/fd.h"
#include "../__support/file.h"

FILE *fdopen(int fd, const char *mode) {
  int flags;
  int access = __file_parse_mode(mode, &flags);
  int status = access ? __fd_status_flags(fd) : -1;
  if (status < 0)
    return NULL;
  /* The stream may do only what the fd was opened for. */
  int opened_for = status & O_ACCMODE;
  if (((access & STREAM_READ) && opened_for == O_WRONLY) ||
      ((access & STREAM_WRITE) && opened_for == O_RDONLY)) {
    errno = EINVAL;
    return NULL;
  }
  return __file_new(fd, access);
}
