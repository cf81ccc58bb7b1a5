#include <stdlib.h>

/* Every locale formats numbers as the C locale does. */
unsigned long long strtoull_l(const char *restrict text, char **restrict end, int base,
                              locale_t locale) {
  (void)locale;
  return strtoull(text, end, base);
}
