#include <stddef.h>
#include <sys/statvfs.h>

#include "../../__support/fs_figures.h"

int statvfs(const char *restrict path, struct statvfs *restrict out) {
  return __fs_statvfs(path, -1, out);
}
