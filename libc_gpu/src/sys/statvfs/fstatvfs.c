#include <stddef.h>
#include <sys/statvfs.h>

#include "../../__support/fs_figures.h"

int fstatvfs(int fd, struct statvfs *out) {
  return __fs_statvfs(NULL, fd, out);
}
