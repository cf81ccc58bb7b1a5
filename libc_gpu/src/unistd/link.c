#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/path.h"
#include "../__support/syscall_result.h"

int link(const char *from, const char *to) {
  char from_room[KERNEL_PATH_SIZE], to_room[KERNEL_PATH_SIZE];
  const char *kernel_from = __path_for_kernel(from, from_room);
  const char *kernel_to = kernel_from ? __path_for_kernel(to, to_room) : NULL;
  return kernel_to ? (int)__syscall_result(lk_link(kernel_from, kernel_to)) : -1;
}
