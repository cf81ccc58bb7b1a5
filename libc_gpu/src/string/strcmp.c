#include <string.h>

int strcmp(const char *lhs, const char *rhs) {
  const unsigned char *a = (const unsigned char *)lhs;
  const unsigned char *b = (const unsigned char *)rhs;
  while (*a && *a == *b)
    ++a, ++b;
  return *a < *b ? -1 : *a > *b;
}
