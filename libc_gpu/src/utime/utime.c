#include <errno.h>
#include <utime.h>

#include <lightkernel/syscall.h>

#include "../__support/path.h"
#include "../__support/syscall_result.h"

int utime(const char *path, const struct utimbuf *times) {
  /* The kernel reads a negative access time as "now" for both. */
  if (times && (times->actime < 0 || times->modtime < 0)) {
    errno = EINVAL;
    return -1;
  }
  char room[KERNEL_PATH_SIZE];
  const char *kernel_path = __path_for_kernel(path, room);
  if (!kernel_path)
    return -1;
  long result =
      times ? lk_utime(kernel_path, times->actime, times->modtime) : lk_utime(kernel_path, -1, -1);
  return (int)__syscall_result(result);
}
