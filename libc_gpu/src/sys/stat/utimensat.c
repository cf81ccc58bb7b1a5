#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../../__support/file_times.h"
#include "../../__support/path_at.h"
#include "../../__support/syscall_result.h"

int utimensat(int dir, const char *path, const struct timespec times[2], int flags) {
  if (flags & ~AT_SYMLINK_NOFOLLOW) {
    errno = EINVAL;
    return -1;
  }
  int64_t access_ns, modify_ns;
  int error = __file_times(times, &access_ns, &modify_ns);
  if (error) {
    errno = error;
    return -1;
  }
  /* Linux takes a NULL path as the directory fd itself. */
  if (!path)
    return (int)__syscall_result(lk_futimens(dir, access_ns, modify_ns));
  char room[KERNEL_PATH_SIZE], kernel_room[KERNEL_PATH_SIZE];
  const char *at = __path_at(dir, path, room);
  const char *kernel_path = at ? __path_for_kernel(at, kernel_room) : NULL;
  if (!kernel_path)
    return -1;
  return (int)__syscall_result(
      lk_utimens(kernel_path, !(flags & AT_SYMLINK_NOFOLLOW), access_ns, modify_ns));
}
