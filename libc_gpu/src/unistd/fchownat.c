#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../__support/path_at.h"

int fchownat(int dir, const char *path, uid_t owner, gid_t group, int flags) {
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) {
    errno = EINVAL;
    return -1;
  }
  if (!*path && (flags & AT_EMPTY_PATH))
    return fchown(dir, owner, group);
  char room[KERNEL_PATH_SIZE];
  const char *at = __path_at(dir, path, room);
  if (!at)
    return -1;
  return flags & AT_SYMLINK_NOFOLLOW ? lchown(at, owner, group) : chown(at, owner, group);
}
