#include <ctype.h>

/* Every locale classifies characters as the C locale does. */
int isupper_l(int ch, locale_t locale) {
  (void)locale;
  return isupper(ch);
}
