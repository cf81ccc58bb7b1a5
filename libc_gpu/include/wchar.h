/* Wide characters, as far as libc_gpu has them: the C locale's, which are
 * ASCII (see <uchar.h>). libc++ is built without wide characters, so this
 * is for C programs. */
#ifndef __LIBC_GPU_WCHAR_H
#define __LIBC_GPU_WCHAR_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/mbstate_t.h>

#define __need_size_t
#define __need_wchar_t
#define __need_NULL
#include <stddef.h>

typedef unsigned int wint_t;
#define WEOF ((wint_t)0xffffffffu)

__LIBC_BEGIN_DECLS

/* Columns a character takes, as glibc's C locale says: 1 for printable
 * ASCII, 0 for L'\0', -1 for the rest. */
int wcwidth(wchar_t wide) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
