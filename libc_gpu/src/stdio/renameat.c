#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../__support/path_at.h"

int renameat(int from_dir, const char *from, int to_dir, const char *to) {
  char from_room[KERNEL_PATH_SIZE], to_room[KERNEL_PATH_SIZE];
  const char *from_at = __path_at(from_dir, from, from_room);
  const char *to_at = from_at ? __path_at(to_dir, to, to_room) : NULL;
  return to_at ? rename(from_at, to_at) : -1;
}
