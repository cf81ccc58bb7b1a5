#include <libintl.h>

char *ngettext(const char *singular, const char *plural, unsigned long n) {
  /* Without a catalog, English's rule, as glibc's. */
  return (char *)(n == 1 ? singular : plural);
}
