/* Locales: "C" (the same as "POSIX") and "C.UTF-8", which differ only in
 * name: character classes, collation, numbers and dates are the C locale's in
 * both. Any other name is not found (setlocale returns NULL, newlocale sets
 * ENOENT). The categories and masks have glibc's values. */
#ifndef __LIBC_GPU_LOCALE_H
#define __LIBC_GPU_LOCALE_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/locale_t.h>

#define __need_NULL
#include <stddef.h>

#define LC_CTYPE 0
#define LC_NUMERIC 1
#define LC_TIME 2
#define LC_COLLATE 3
#define LC_MONETARY 4
#define LC_MESSAGES 5
#define LC_ALL 6

#define LC_CTYPE_MASK (1 << LC_CTYPE)
#define LC_NUMERIC_MASK (1 << LC_NUMERIC)
#define LC_TIME_MASK (1 << LC_TIME)
#define LC_COLLATE_MASK (1 << LC_COLLATE)
#define LC_MONETARY_MASK (1 << LC_MONETARY)
#define LC_MESSAGES_MASK (1 << LC_MESSAGES)
#define LC_ALL_MASK                                                                                \
  (LC_CTYPE_MASK | LC_NUMERIC_MASK | LC_TIME_MASK | LC_COLLATE_MASK | LC_MONETARY_MASK |           \
   LC_MESSAGES_MASK)

/* What uselocale returns when the thread follows the global locale. */
#define LC_GLOBAL_LOCALE ((locale_t)-1L)

/* Numeric and monetary formatting, in glibc's field order. */
struct lconv {
  char *decimal_point;
  char *thousands_sep;
  char *grouping;
  char *int_curr_symbol;
  char *currency_symbol;
  char *mon_decimal_point;
  char *mon_thousands_sep;
  char *mon_grouping;
  char *positive_sign;
  char *negative_sign;
  char int_frac_digits;
  char frac_digits;
  char p_cs_precedes;
  char p_sep_by_space;
  char n_cs_precedes;
  char n_sep_by_space;
  char p_sign_posn;
  char n_sign_posn;
  char int_p_cs_precedes;
  char int_p_sep_by_space;
  char int_n_cs_precedes;
  char int_n_sep_by_space;
  char int_p_sign_posn;
  char int_n_sign_posn;
};

__LIBC_BEGIN_DECLS

char *setlocale(int category, const char *name) __LIBC_NOEXCEPT;
struct lconv *localeconv(void) __LIBC_NOEXCEPT;

locale_t newlocale(int category_mask, const char *name, locale_t base) __LIBC_NOEXCEPT;
locale_t duplocale(locale_t locale) __LIBC_NOEXCEPT;
void freelocale(locale_t locale) __LIBC_NOEXCEPT;
locale_t uselocale(locale_t locale) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
