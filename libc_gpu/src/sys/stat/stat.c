#include <sys/stat.h>

#include "../../__support/stat.h"

int stat(const char *restrict path, struct stat *restrict out) {
  return __stat_path(path, 1, out);
}
