#include "positioned_io.h"

#include <errno.h>
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
