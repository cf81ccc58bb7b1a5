/* Extended attributes. A VM's files keep none: after the path (or fd) is
 * checked as Linux checks it, every call fails with ENOTSUP, Linux's
 * answer on a file system without extended attributes. */
#ifndef __LIBC_GPU_SYS_XATTR_H
#define __LIBC_GPU_SYS_XATTR_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#include <stddef.h>

#define XATTR_CREATE 1
#define XATTR_REPLACE 2

__LIBC_BEGIN_DECLS

ssize_t getxattr(const char *path, const char *name, void *value, size_t size) __LIBC_NOEXCEPT;
ssize_t lgetxattr(const char *path, const char *name, void *value, size_t size) __LIBC_NOEXCEPT;
ssize_t fgetxattr(int fd, const char *name, void *value, size_t size) __LIBC_NOEXCEPT;
int setxattr(const char *path, const char *name, const void *value, size_t size,
             int flags) __LIBC_NOEXCEPT;
int lsetxattr(const char *path, const char *name, const void *value, size_t size,
              int flags) __LIBC_NOEXCEPT;
int fsetxattr(int fd, const char *name, const void *value, size_t size, int flags) __LIBC_NOEXCEPT;
ssize_t listxattr(const char *path, char *list, size_t size) __LIBC_NOEXCEPT;
ssize_t llistxattr(const char *path, char *list, size_t size) __LIBC_NOEXCEPT;
ssize_t flistxattr(int fd, char *list, size_t size) __LIBC_NOEXCEPT;
int removexattr(const char *path, const char *name) __LIBC_NOEXCEPT;
int lremovexattr(const char *path, const char *name) __LIBC_NOEXCEPT;
int fremovexattr(int fd, const char *name) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
