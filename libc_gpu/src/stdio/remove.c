#include <errno.h>
#include <stdio.h>

#include <lightkernel/syscall.h>

#include "../__support/path.h"
#include "../__support/syscall_result.h"

int remove(const char *path) {
  char room[KERNEL_PATH_SIZE];
  const char *kernel_path = __path_for_kernel(path, room);
  if (!kernel_path)
    return -1;
  long result = lk_unlink(kernel_path);
  /* Linux refuses to unlink a directory; remove then takes it with rmdir. */
  if (result == -EISDIR)
    result = lk_rmdir(kernel_path);
  return (int)__syscall_result(result);
}
