#include <string.h>

int strcoll_l(const char *lhs, const char *rhs, locale_t locale) {
  (void)locale;
  return strcoll(lhs, rhs);
}
