#include <errno.h>
#include <fcntl.h>

#include "../__support/fd_kind.h"

int posix_fadvise(int fd, off_t offset, off_t length, int advice) {
  (void)offset;
  mode_t kind = __fd_kind(fd);
  if (!kind)
    return EBADF;
  if (kind == S_IFIFO)
    return ESPIPE;
  if (length < 0 || advice < POSIX_FADV_NORMAL || advice > POSIX_FADV_NOREUSE)
    return EINVAL;
  /* A VM's file data is read through the host's page cache, which takes
   * no advice from here. */
  return 0;
}
