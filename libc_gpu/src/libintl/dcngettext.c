#include <libintl.h>

char *dcngettext(const char *domain, const char *singular, const char *plural, unsigned long n,
                 int category) {
  (void)domain, (void)category;
  return ngettext(singular, plural, n);
}
