#include <unistd.h>

#include "../__support/positioned_io.h"

ssize_t pread(int fd, void *data, size_t size, off_t offset) {
  return __positioned_io(fd, data, size, offset, 0);
}
