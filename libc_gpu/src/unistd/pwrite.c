#include <unistd.h>

#include "../__support/positioned_io.h"

ssize_t pwrite(int fd, const void *data, size_t size, off_t offset) {
  return __positioned_io(fd, (void *)data, size, offset, 1);
}
