#include <locale.h>

#include "../__support/locale.h"

/* Locales are constant: a copy is the same object. */
locale_t duplocale(locale_t locale) {
  return locale == LC_GLOBAL_LOCALE ? (locale_t)__locale_global : locale;
}
