#include <locale.h>

#include "../__support/locale.h"

/* A VM is one thread: its thread locale is one per-VM global. */
locale_t uselocale(locale_t locale) {
  locale_t previous = __locale_current ? (locale_t)__locale_current : LC_GLOBAL_LOCALE;
  if (locale)
    __locale_current = locale == LC_GLOBAL_LOCALE ? NULL : locale;
  return previous;
}
