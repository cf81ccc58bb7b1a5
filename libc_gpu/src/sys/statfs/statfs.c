#include <stddef.h>
#include <sys/statfs.h>

#include "../../__support/fs_figures.h"

int statfs(const char *path, struct statfs *out) {
  return __fs_statfs(path, -1, out);
}
