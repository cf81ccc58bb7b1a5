#include <locale.h>

/* Locales are constant objects that were never allocated. */
void freelocale(locale_t locale) {
  (void)locale;
}
