#ifndef __LIBC_GPU_UTIME_H
#define __LIBC_GPU_UTIME_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>

__LIBC_BEGIN_DECLS

struct utimbuf {
  time_t actime;
  time_t modtime;
};

/* NULL sets both times to now. Times are whole seconds, at or after 1970;
 * a symlink named last gets the new times itself (Linux would follow it). */
int utime(const char *path, const struct utimbuf *times) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
