#include <libintl.h>

char *dngettext(const char *domain, const char *singular, const char *plural, unsigned long n) {
  (void)domain;
  return ngettext(singular, plural, n);
}
