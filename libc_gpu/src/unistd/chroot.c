#include <errno.h>
#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/path.h"
#include "../__support/syscall_result.h"

/* The working directory becomes the new root's top: the old one's name
 * means nothing there (Linux keeps the old directory open instead, which
 * is how programs escape a chroot; they chdir("/") right after anyway). */
int chroot(const char *path) {
  if (geteuid() != 0) {
    errno = EPERM;
    return -1;
  }
  char room[KERNEL_PATH_SIZE];
  const char *kernel_path = __path_for_kernel(path, room);
  if (!kernel_path || __syscall_result(lk_chroot(kernel_path)) < 0)
    return -1;
  return __path_change_directory("/");
}
