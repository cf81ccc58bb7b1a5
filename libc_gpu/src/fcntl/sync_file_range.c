#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "../__support/fd_kind.h"

int sync_file_range(int fd, off_t offset, off_t length, unsigned int flags) {
  /* Linux's checks, in its order: flags and range, then the fd and its
   * kind (only files, directories and links have pages to write). */
  if ((flags & ~(unsigned)(SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE |
                           SYNC_FILE_RANGE_WAIT_AFTER)) ||
      offset < 0 || length < 0 || offset + (unsigned long)length > (unsigned long)__LONG_MAX__) {
    errno = EINVAL;
    return -1;
  }
  mode_t kind = __fd_kind(fd);
  if (!kind)
    return -1;
  if (kind != S_IFREG && kind != S_IFDIR && kind != S_IFLNK && kind != S_IFBLK) {
    errno = ESPIPE;
    return -1;
  }
  /* The host writes a whole file back, not a range. */
  if ((flags & SYNC_FILE_RANGE_WRITE) && kind == S_IFREG)
    return fdatasync(fd);
  return 0;
}
