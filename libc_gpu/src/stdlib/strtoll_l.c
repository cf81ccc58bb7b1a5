#include <stdlib.h>

/* Every locale formats numbers as the C locale does. */
long long strtoll_l(const char *restrict text, char **restrict end, int base, locale_t locale) {
  (void)locale;
  return strtoll(text, end, base);
}
