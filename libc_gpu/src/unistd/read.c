#include <unistd.h>

#include "../__support/fd.h"

ssize_t read(int fd, void *data, size_t size) {
  return __fd_read(fd, data, size);
}
