#include <errno.h>
#include <fcntl.h>
#include <sys/uio.h>

#include "../__support/fd_kind.h"
#include "../__support/splice_ends.h"

ssize_t vmsplice(int fd, const struct iovec *iov, size_t count, unsigned int flags) {
  if (flags & ~(unsigned)__SPLICE_FLAGS) {
    errno = EINVAL;
    return -1;
  }
  int status = fcntl(fd, F_GETFL);
  if (status < 0)
    return -1;
  if (count > UIO_MAXIOV) {
    errno = EINVAL;
    return -1;
  }
  size_t total = 0;
  for (size_t i = 0; i < count; ++i)
    total += iov[i].iov_len;
  if (total == 0)
    return 0;
  /* Linux maps the pages into the pipe, or copies them out of it; a copy
   * in reads the same to the pipe's reader, since the caller may not
   * change the pages before they are read. Only a pipe's end will do. */
  if (__fd_kind(fd) != S_IFIFO) {
    errno = EBADF;
    return -1;
  }
  if ((status & O_ACCMODE) == O_RDONLY)
    return readv(fd, iov, (int)count);
  return writev(fd, iov, (int)count);
}
