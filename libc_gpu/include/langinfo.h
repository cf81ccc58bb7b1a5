/* Facts about the current locale, which is always the C locale's. */
#ifndef __LIBC_GPU_LANGINFO_H
#define __LIBC_GPU_LANGINFO_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/locale_t.h>
#include <nl_types.h>

enum {
  CODESET,
  RADIXCHAR,
  THOUSEP,
  D_T_FMT,
  D_FMT,
  T_FMT,
  T_FMT_AMPM,
  AM_STR,
  PM_STR,
  YESEXPR,
  NOEXPR,
  CRNCYSTR,
};
#define CODESET CODESET
#define RADIXCHAR RADIXCHAR
#define THOUSEP THOUSEP
#define D_T_FMT D_T_FMT
#define D_FMT D_FMT
#define T_FMT T_FMT
#define T_FMT_AMPM T_FMT_AMPM
#define AM_STR AM_STR
#define PM_STR PM_STR
#define YESEXPR YESEXPR
#define NOEXPR NOEXPR
#define CRNCYSTR CRNCYSTR

__LIBC_BEGIN_DECLS

/* The C locale's answer; "" for an item it does not know. */
char *nl_langinfo(nl_item item) __LIBC_NOEXCEPT;
char *nl_langinfo_l(nl_item item, locale_t locale) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
