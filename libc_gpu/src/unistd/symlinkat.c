#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../__support/path_at.h"

int symlinkat(const char *target, int dir, const char *path) {
  char room[KERNEL_PATH_SIZE];
  const char *at = __path_at(dir, path, room);
  return at ? symlink(target, at) : -1;
}
