/* Character classes of the C locale, which is the only locale. */
#ifndef __LIBC_GPU_CTYPE_H
#define __LIBC_GPU_CTYPE_H

#include <__libc_gpu/common.h>

__LIBC_BEGIN_DECLS

int isalnum(int ch) __LIBC_NOEXCEPT;
int isalpha(int ch) __LIBC_NOEXCEPT;
int isblank(int ch) __LIBC_NOEXCEPT;
int iscntrl(int ch) __LIBC_NOEXCEPT;
int isdigit(int ch) __LIBC_NOEXCEPT;
int isgraph(int ch) __LIBC_NOEXCEPT;
int islower(int ch) __LIBC_NOEXCEPT;
int isprint(int ch) __LIBC_NOEXCEPT;
int ispunct(int ch) __LIBC_NOEXCEPT;
int isspace(int ch) __LIBC_NOEXCEPT;
int isupper(int ch) __LIBC_NOEXCEPT;
int isxdigit(int ch) __LIBC_NOEXCEPT;
int tolower(int ch) __LIBC_NOEXCEPT;
int toupper(int ch) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
