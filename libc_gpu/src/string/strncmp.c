#include <string.h>

int strncmp(const char *lhs, const char *rhs, size_t count) {
  const unsigned char *a = (const unsigned char *)lhs;
  const unsigned char *b = (const unsigned char *)rhs;
  for (; count; --count, ++a, ++b) {
    if (*a != *b)
      return *a < *b ? -1 : 1;
    if (!*a)
      break;
  }
  return 0;
}
