#include <stdlib.h>

/* Every locale formats numbers as the C locale does. */
float strtof_l(const char *restrict text, char **restrict end, locale_t locale) {
  (void)locale;
  return strtof(text, end);
}
