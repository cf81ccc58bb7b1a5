/* POSIX's dirname and basename, as glibc's: both may write into path, and
 * basename is glibc's __xpg_basename, which a macro names basename here
 * even where <string.h> declared GNU's (which never writes and returns ""
 * for a path ending in '/'). */
#ifndef __LIBC_GPU_LIBGEN_H
#define __LIBC_GPU_LIBGEN_H

#include <__libc_gpu/common.h>

__LIBC_BEGIN_DECLS

char *dirname(char *path) __LIBC_NOEXCEPT;
char *__xpg_basename(char *path) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#undef basename
#define basename __xpg_basename

#endif
