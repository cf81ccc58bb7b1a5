#include "fs_figures.h"

#include <lightkernel/syscall.h>

#include "path.h"
#include "syscall_result.h"

int __fs_figures(const char *path, int fd, struct gpuvm_statvfs *out) {
  if (fd >= 0 || !path)
    return (int)__syscall_result(lk_fstatvfs(fd, out));
  char room[KERNEL_PATH_SIZE];
  const char *kernel_path = __path_for_kernel(path, room);
  return kernel_path ? (int)__syscall_result(lk_statvfs(kernel_path, out)) : -1;
}
