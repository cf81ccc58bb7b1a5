#include <ctype.h>
#include <strings.h>

int strcasecmp(const char *lhs, const char *rhs) {
  const unsigned char *a = (const unsigned char *)lhs;
  const unsigned char *b = (const unsigned char *)rhs;
  for (;; ++a, ++b) {
    int difference = tolower(*a) - tolower(*b);
    if (difference || !*a)
      return difference;
  }
}
