#include <errno.h>
#include <unistd.h>

#include <lightkernel/syscall.h>

ssize_t write(int fd, const void *data, size_t size) {
  long written = lk_write(fd, data, size);
  if (written < 0) {
    errno = (int)-written;
    return -1;
  }
  return written;
}
