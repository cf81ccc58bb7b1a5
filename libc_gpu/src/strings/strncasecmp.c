#include <ctype.h>
#include <strings.h>

int strncasecmp(const char *lhs, const char *rhs, size_t count) {
  const unsigned char *a = (const unsigned char *)lhs;
  const unsigned char *b = (const unsigned char *)rhs;
  for (; count; --count, ++a, ++b) {
    int difference = tolower(*a) - tolower(*b);
    if (difference || !*a)
      return difference;
  }
  return 0;
}
