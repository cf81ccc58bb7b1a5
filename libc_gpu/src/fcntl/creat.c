#include <fcntl.h>

#include "../__support/fd.h"

int creat(const char *path, mode_t mode) {
  return __fd_open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}
