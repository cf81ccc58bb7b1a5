/* What kind of file an fd is, for the calls Linux answers by kind
 * (splice, posix_fadvise, sync_file_range). */
#ifndef LIBC_GPU_SUPPORT_FD_KIND_H
#define LIBC_GPU_SUPPORT_FD_KIND_H

#include <sys/stat.h>

/* The fd's st_mode file type, or 0 with errno EBADF when it is not open. */
static inline mode_t __fd_kind(int fd) {
  struct stat status;
  return fstat(fd, &status) == 0 ? (status.st_mode & S_IFMT) : 0;
}

#endif
