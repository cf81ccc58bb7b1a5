#include <stddef.h>
#include <sys/statfs.h>

#include "../../__support/fs_figures.h"

int fstatfs(int fd, struct statfs *out) {
  return __fs_statfs(NULL, fd, out);
}
