/* Message catalogs. A VM carries none, so every lookup gives the text it
 * was asked for, as glibc does without catalogs (ngettext: the singular for
 * n == 1, else the plural). textdomain keeps the domain's name ("messages"
 * at start); the bindings are kept and read back. */
#ifndef __LIBC_GPU_LIBINTL_H
#define __LIBC_GPU_LIBINTL_H

#include <__libc_gpu/common.h>

__LIBC_BEGIN_DECLS

char *gettext(const char *message) __LIBC_NOEXCEPT;
char *dgettext(const char *domain, const char *message) __LIBC_NOEXCEPT;
char *dcgettext(const char *domain, const char *message, int category) __LIBC_NOEXCEPT;
char *ngettext(const char *singular, const char *plural, unsigned long n) __LIBC_NOEXCEPT;
char *dngettext(const char *domain, const char *singular, const char *plural,
                unsigned long n) __LIBC_NOEXCEPT;
char *dcngettext(const char *domain, const char *singular, const char *plural, unsigned long n,
                 int category) __LIBC_NOEXCEPT;
/* NULL asks for the current domain; "" goes back to "messages". */
char *textdomain(const char *domain) __LIBC_NOEXCEPT;
/* A NULL directory (codeset) asks for the current binding: the directory
 * is "/usr/share/locale" until bound, the codeset NULL. A NULL or empty
 * domain is NULL. */
char *bindtextdomain(const char *domain, const char *directory) __LIBC_NOEXCEPT;
char *bind_textdomain_codeset(const char *domain, const char *codeset) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
