#include <sys/uio.h>

#include "../../__support/positioned_io.h"

ssize_t preadv(int fd, const struct iovec *iov, int count, off_t offset) {
  return __positioned_iov(fd, iov, count, offset, 0);
}
