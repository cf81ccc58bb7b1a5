#include "fd.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <lightkernel/syscall.h>

#include "file_mode.h"
#include "path.h"
#include "stat.h"
#include "syscall_result.h"

#define CONSOLE_FDS 3

int __fd_open(const char *path, int flags, mode_t mode) {
  char room[KERNEL_PATH_SIZE];
  const char *kernel_path = __path_for_kernel(path, room);
  if (!kernel_path)
    return -1;
  /* A VM has no terminal that opening could make its own. */
  flags &= ~O_NOCTTY;
  return (int)__syscall_result(lk_open(kernel_path, flags, (int)__file_mode_for_new(mode)));
}

int __fd_close(int fd) {
  if (fd >= 0 && fd < CONSOLE_FDS)
    return 0;
  return (int)__syscall_result(lk_close(fd));
}

ssize_t __fd_read(int fd, void *data, size_t size) {
  if (fd == STDIN_FILENO)
    return 0;
  long got;
  do
    got = lk_read(fd, data, size);
  while (__syscall_restart(got, 1));
  return __syscall_result(got);
}

off_t __fd_seek(int fd, off_t offset, int whence) {
  if (fd >= 0 && fd < CONSOLE_FDS) {
    errno = ESPIPE;
    return -1;
  }
  return __syscall_result(lk_lseek(fd, offset, whence));
}

int __fd_stat(int fd, struct stat *out) {
  struct gpuvm_stat reported = {0};
  if (fd >= 0 && fd < CONSOLE_FDS)
    reported.mode = S_IFCHR | S_IRUSR | S_IWUSR;
  else if (__syscall_result(lk_fstat(fd, &reported)) < 0)
    return -1;
  __stat_from_kernel(out, &reported);
  return 0;
}

int __fd_status_flags(int fd) {
  return (int)__syscall_result(lk_fcntl(fd, F_GETFL, 0));
}

int __fd_set_status_flags(int fd, int flags) {
  return (int)__syscall_result(lk_fcntl(fd, F_SETFL, flags));
}

int __fd_duplicate_to(int fd, int new_fd, int close_on_exec) {
  /* As Linux: a bad fd or new_fd leaves new_fd open. */
  if (lk_fcntl(fd, F_GETFD, 0) < 0 || new_fd < 0) {
    errno = EBADF;
    return -1;
  }
  /* Once closed, new_fd is the lowest free fd at or above itself; the VM is
   * one thread, so nothing takes it in between. */
  lk_close(new_fd);
  long got = lk_fcntl(fd, close_on_exec ? F_DUPFD_CLOEXEC : F_DUPFD, new_fd);
  if (got == -EINVAL) /* past the table's size */
    got = -EBADF;
  else if (got >= 0 && got != new_fd) {
    lk_close((int)got);
    got = -EBADF;
  }
  return (int)__syscall_result(got);
}
