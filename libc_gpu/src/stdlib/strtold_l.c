#include <stdlib.h>

/* Every locale formats numbers as the C locale does. */
long double strtold_l(const char *restrict text, char **restrict end, locale_t locale) {
  (void)locale;
  return strtold(text, end);
}
