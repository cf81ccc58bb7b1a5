#include <sys/stat.h>

#include <lightkernel/syscall.h>

#include "../../__support/path.h"
#include "../../__support/syscall_result.h"

int chmod(const char *path, mode_t mode) {
  char room[KERNEL_PATH_SIZE];
  const char *kernel_path = __path_for_kernel(path, room);
  return kernel_path ? (int)__syscall_result(lk_chmod(kernel_path, (int)mode)) : -1;
}
