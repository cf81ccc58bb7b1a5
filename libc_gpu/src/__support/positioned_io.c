#include "positioned_io.h"

#include <errno.h>
#include <sys/uio.h>
#include <unistd.h>

ssize_t __positioned_iov(int fd, const struct iovec *iov, int count, off_t offset, int write_it) {
  size_t done = 0;
  for (int i = 0; i < count; ++i) {
    if (!iov[i].iov_len)
      continue;
    ssize_t moved = write_it ? pwrite(fd, iov[i].iov_base, iov[i].iov_len, offset + (off_t)done)
                             : pread(fd, iov[i].iov_base, iov[i].iov_len, offset + (off_t)done);
    if (moved < 0)
      return done ? (ssize_t)done : -1;
    done += (size_t)moved;
    if ((size_t)moved < iov[i].iov_len)
      break;
  }
  return (ssize_t)done;
}
