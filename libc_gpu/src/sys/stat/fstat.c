#include <sys/stat.h>

#include "../../__support/fd.h"

int fstat(int fd, struct stat *out) {
  return __fd_stat(fd, out);
}
