#include "fd.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <lightkernel/syscall.h>

#include "path.h"
#include "stat.h"
#include "syscall_result.h"

#define CONSOLE_FDS 3
/* What open keeps for F_GETFL, as Linux does: creation flags are forgotten. */
#define KEPT_FLAGS (O_ACCMODE | O_APPEND | O_NONBLOCK | O_DIRECTORY)

/* Plain globals: per VM. status[fd] is what fd was opened with, or -1 when
 * it is not open; the table grows with the highest fd the kernel gave. */
static int *status;
static int status_size;

static int remember(int fd, int flags) {
  if (fd >= status_size) {
    int size = fd + 16;
    int *grown = (int *)realloc(status, (size_t)size * sizeof *grown);
    if (!grown)
      return -1;
    for (int i = status_size; i < size; ++i)
      grown[i] = -1;
    status = grown;
    status_size = size;
  }
  status[fd] = flags & KEPT_FLAGS;
  return 0;
}

int __fd_open(const char *path, int flags, mode_t mode) {
  char room[KERNEL_PATH_SIZE];
  const char *kernel_path = __path_for_kernel(path, room);
  if (!kernel_path)
    return -1;
  /* A VM has no terminal that opening could make its own. */
  flags &= ~O_NOCTTY;
  long fd = lk_open(kernel_path, flags, (int)mode);
  if (fd < 0)
    return (int)__syscall_result(fd);
  if (remember((int)fd, flags)) {
    lk_close((int)fd);
    errno = ENOMEM;
    return -1;
  }
  return (int)fd;
}

int __fd_close(int fd) {
  if (fd >= 0 && fd < CONSOLE_FDS)
    return 0;
  if (fd >= 0 && fd < status_size)
    status[fd] = -1;
  return (int)__syscall_result(lk_close(fd));
}

ssize_t __fd_read(int fd, void *data, size_t size) {
  if (fd == STDIN_FILENO)
    return 0;
  return __syscall_result(lk_read(fd, data, size));
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
  if (fd >= 0 && fd < CONSOLE_FDS)
    return fd == STDIN_FILENO ? O_RDONLY : O_WRONLY;
  if (fd < 0 || fd >= status_size || status[fd] < 0) {
    errno = EBADF;
    return -1;
  }
  return status[fd];
}

int __fd_set_status_flags(int fd, int flags) {
  int current = __fd_status_flags(fd);
  if (current < 0)
    return -1;
  /* The kernel has no call that changes an open file's flags; O_NONBLOCK
   * has no effect on files anyway, so only it can be honoured. */
  if ((flags ^ current) & (O_APPEND | O_ASYNC | O_DIRECT | O_NOATIME)) {
    errno = EINVAL;
    return -1;
  }
  if (fd >= CONSOLE_FDS)
    status[fd] = (current & ~O_NONBLOCK) | (flags & O_NONBLOCK);
  return 0;
}
