#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../__support/path_at.h"

int fstatat(int dir, const char *restrict path, struct stat *restrict out, int flags) {
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT)) {
    errno = EINVAL;
    return -1;
  }
  if (!*path && (flags & AT_EMPTY_PATH))
    return fstat(dir, out);
  char room[KERNEL_PATH_SIZE];
  const char *at = __path_at(dir, path, room);
  if (!at)
    return -1;
  return flags & AT_SYMLINK_NOFOLLOW ? lstat(at, out) : stat(at, out);
}
