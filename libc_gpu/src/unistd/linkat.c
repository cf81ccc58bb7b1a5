#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../__support/path_at.h"

int linkat(int from_dir, const char *from, int to_dir, const char *to, int flags) {
  if (flags & ~AT_SYMLINK_FOLLOW) {
    errno = EINVAL;
    return -1;
  }
  char from_room[KERNEL_PATH_SIZE], to_room[KERNEL_PATH_SIZE], resolved[KERNEL_PATH_SIZE];
  const char *from_at = __path_at(from_dir, from, from_room);
  const char *to_at = from_at ? __path_at(to_dir, to, to_room) : NULL;
  if (!to_at)
    return -1;
  /* Following: the link is made to what the symlink names. */
  if ((flags & AT_SYMLINK_FOLLOW) && !(from_at = realpath(from_at, resolved)))
    return -1;
  return link(from_at, to_at);
}
