/* The *at calls (openat, fstatat, unlinkat...): a path relative to a
 * directory fd becomes the absolute path the plain call takes, from the
 * path the directory was opened by. */
#ifndef LIBC_GPU_SUPPORT_PATH_AT_H
#define LIBC_GPU_SUPPORT_PATH_AT_H

#include "path.h"

/* `path` itself when it is absolute or dir is AT_FDCWD, else the directory's
 * path and `path` joined in `room`. NULL with errno set: EBADF (dir is not
 * open), ENOTDIR (a socket, pipe...), ENOENT (""), ENAMETOOLONG. */
const char *__path_at(int dir, const char *path, char room[KERNEL_PATH_SIZE]);

#endif
