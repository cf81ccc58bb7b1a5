#include "positioned_io.h"

#include <errno.h>
#include <sys/uio.h>
#include <unistd.h>

ssize_t __positioned_io(int fd, void *buffer, size_t size, off_t offset, int write_it) {
  if (offset < 0) {
    errno = EINVAL;
    return -1;
  }
  off_t was = lseek(fd, 0, SEEK_CUR); /* ESPIPE on sockets and the console, as Linux */
  if (was < 0 || lseek(fd, offset, SEEK_SET) < 0)
    return -1;
  ssize_t done = write_it ? write(fd, buffer, size) : read(fd, buffer, size);
  int saved = errno;
  lseek(fd, was, SEEK_SET);
  errno = saved;
  return done;
}

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
