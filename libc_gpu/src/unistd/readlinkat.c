#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../__support/path_at.h"

ssize_t readlinkat(int dir, const char *restrict path, char *restrict out, size_t size) {
  char room[KERNEL_PATH_SIZE];
  const char *at = __path_at(dir, path, room);
  return at ? readlink(at, out, size) : -1;
}
