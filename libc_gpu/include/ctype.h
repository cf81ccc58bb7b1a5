/* Character classes of the C locale, which is the only locale. */
#ifndef __LIBC_GPU_CTYPE_H
#define __LIBC_GPU_CTYPE_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/locale_t.h>

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
/* POSIX (XSI): whether ch is a 7-bit value. */
int isascii(int ch) __LIBC_NOEXCEPT;

/* The same in a given locale (POSIX), which is always the C locale here. */
int isdigit_l(int ch, locale_t locale) __LIBC_NOEXCEPT;
int islower_l(int ch, locale_t locale) __LIBC_NOEXCEPT;
int isupper_l(int ch, locale_t locale) __LIBC_NOEXCEPT;
int isxdigit_l(int ch, locale_t locale) __LIBC_NOEXCEPT;
int tolower_l(int ch, locale_t locale) __LIBC_NOEXCEPT;
int toupper_l(int ch, locale_t locale) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
