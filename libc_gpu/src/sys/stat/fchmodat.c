#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../__support/path_at.h"

int fchmodat(int dir, const char *path, mode_t mode, int flags) {
  if (flags & ~AT_SYMLINK_NOFOLLOW) {
    errno = EINVAL;
    return -1;
  }
  char room[KERNEL_PATH_SIZE];
  const char *at = __path_at(dir, path, room);
  if (!at)
    return -1;
  if (flags & AT_SYMLINK_NOFOLLOW) {
    /* As glibc: a symlink's own mode cannot change on Linux. */
    struct stat status;
    if (lstat(at, &status) < 0)
      return -1;
    if (S_ISLNK(status.st_mode)) {
      errno = EOPNOTSUPP;
      return -1;
    }
  }
  return chmod(at, mode);
}
