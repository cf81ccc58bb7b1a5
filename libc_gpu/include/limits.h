/* The compiler's limits.h (CHAR_BIT, INT_MAX, ...) and the POSIX limits
 * that glibc adds through linux/limits.h, with Linux's values: servers size
 * their path, name and host name buffers by these. */
#ifndef __LIBC_GPU_LIMITS_H
#define __LIBC_GPU_LIMITS_H

#include_next <limits.h>

#define NAME_MAX 255
#define PATH_MAX 4096
#define PIPE_BUF 4096
#define HOST_NAME_MAX 64
#define LOGIN_NAME_MAX 256
#define IOV_MAX 1024
#define NGROUPS_MAX 65536
#define TTY_NAME_MAX 32
#ifndef SSIZE_MAX
#define SSIZE_MAX __LONG_MAX__
#endif

#endif
