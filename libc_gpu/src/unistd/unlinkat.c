#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../__support/path_at.h"

int unlinkat(int dir, const char *path, int flags) {
  if (flags & ~AT_REMOVEDIR) {
    errno = EINVAL;
    return -1;
  }
  char room[KERNEL_PATH_SIZE];
  const char *at = __path_at(dir, path, room);
  if (!at)
    return -1;
  return flags & AT_REMOVEDIR ? rmdir(at) : unlink(at);
}
