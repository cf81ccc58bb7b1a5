#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../__support/path_at.h"

int openat(int dir, const char *path, int flags, ...) {
  char room[KERNEL_PATH_SIZE];
  const char *at = __path_at(dir, path, room);
  if (!at)
    return -1;
  va_list args;
  va_start(args, flags);
  mode_t mode = (flags & O_CREAT) ? (mode_t)va_arg(args, int) : 0;
  va_end(args);
  return open(at, flags, mode);
}
