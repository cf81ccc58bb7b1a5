#ifndef __LIBC_GPU_STRINGS_H
#define __LIBC_GPU_STRINGS_H

#include <__libc_gpu/common.h>

#define __need_size_t
#include <stddef.h>

__LIBC_BEGIN_DECLS

/* Case-insensitive comparison in the C locale (ASCII letters only). */
int strcasecmp(const char *lhs, const char *rhs) __LIBC_NOEXCEPT;
int strncasecmp(const char *lhs, const char *rhs, size_t count) __LIBC_NOEXCEPT;
/* Zero when the bytes are equal, as memcmp. */
int bcmp(const void *lhs, const void *rhs, size_t count) __LIBC_NOEXCEPT;
/* The BSD names of strchr and strrchr. */
char *index(const char *text, int ch) __LIBC_NOEXCEPT;
char *rindex(const char *text, int ch) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
