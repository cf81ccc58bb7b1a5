#include <unistd.h>

#include "../__support/fd.h"

int close(int fd) {
  return __fd_close(fd);
}
