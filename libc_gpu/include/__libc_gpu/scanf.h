/* Formatted input from a string (C11 7.21.6.7 and 7.21.6.12). Declared here
 * for stdio.h to include. */
#ifndef __LIBC_GPU_SCANF_H
#define __LIBC_GPU_SCANF_H

#include <__libc_gpu/common.h>

__LIBC_BEGIN_DECLS

int sscanf(const char *__LIBC_RESTRICT input, const char *__LIBC_RESTRICT format,
           ...) __LIBC_NOEXCEPT __attribute__((__format__(__scanf__, 2, 3)));
int vsscanf(const char *__LIBC_RESTRICT input, const char *__LIBC_RESTRICT format,
            __builtin_va_list args) __LIBC_NOEXCEPT __attribute__((__format__(__scanf__, 2, 0)));

__LIBC_END_DECLS

#endif
