#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/path.h"
#include "../__support/syscall_result.h"

int symlink(const char *target, const char *path) {
  char room[KERNEL_PATH_SIZE];
  const char *kernel_path = __path_for_kernel(path, room);
  return kernel_path ? (int)__syscall_result(lk_symlink(target, kernel_path)) : -1;
}
