#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/path.h"
#include "../__support/syscall_result.h"

ssize_t readlink(const char *restrict path, char *restrict out, size_t size) {
  char room[KERNEL_PATH_SIZE];
  const char *kernel_path = __path_for_kernel(path, room);
  return kernel_path ? __syscall_result(lk_readlink(kernel_path, out, size)) : -1;
}
