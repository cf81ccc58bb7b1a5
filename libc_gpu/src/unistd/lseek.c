#include <unistd.h>

#include "../__support/fd.h"

off_t lseek(int fd, off_t offset, int whence) {
  return __fd_seek(fd, offset, whence);
}
