#include <sys/uio.h>
#include <unistd.h>

/* Piece by piece at increasing offsets, until one comes back short. */
ssize_t preadv(int fd, const struct iovec *iov, int count, off_t offset) {
  size_t done = 0;
  for (int i = 0; i < count; ++i) {
    if (!iov[i].iov_len)
      continue;
    ssize_t moved = pread(fd, iov[i].iov_base, iov[i].iov_len, offset + (off_t)done);
    if (moved < 0)
      return done ? (ssize_t)done : -1;
    done += (size_t)moved;
    if ((size_t)moved < iov[i].iov_len)
      break;
  }
  return (ssize_t)done;
}
