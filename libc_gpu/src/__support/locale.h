/* The locales there are: "C" and "C.UTF-8", which differ only in name. */
#ifndef LIBC_GPU_SUPPORT_LOCALE_H
#define LIBC_GPU_SUPPORT_LOCALE_H

#include <locale.h>

struct __locale_struct {
  const char *name;
};

/* Constant, shared by every VM: a locale_t points to one of them. */
extern const struct __locale_struct __locale_c;
extern const struct __locale_struct __locale_c_utf8;

/* The locale a name means ("", "C", "POSIX", "C.UTF-8", "C.utf8"), or NULL. */
const struct __locale_struct *__locale_find(const char *name);

/* This VM's global locale (setlocale) and its thread's (uselocale; NULL:
 * the global one). */
extern const struct __locale_struct *__locale_global;
extern const struct __locale_struct *__locale_current;

#endif
