#include "path_at.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <lightkernel/syscall.h>

#include "syscall_result.h"

const char *__path_at(int dir, const char *path, char room[KERNEL_PATH_SIZE]) {
  if (*path == '/' || dir == AT_FDCWD)
    return path;
  if (!*path) {
    errno = ENOENT;
    return NULL;
  }
  long length = lk_fd_path(dir, room, KERNEL_PATH_SIZE);
  if (length < 0) {
    __syscall_result(length);
    return NULL;
  }
  size_t rest = strlen(path);
  if ((size_t)length + 1 + rest + 1 > KERNEL_PATH_SIZE) {
    errno = ENAMETOOLONG;
    return NULL;
  }
  room[length] = '/';
  memcpy(room + length + 1, path, rest + 1);
  return room;
}
