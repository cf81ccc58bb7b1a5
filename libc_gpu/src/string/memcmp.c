#include <string.h>

int memcmp(const void *lhs, const void *rhs, size_t count) {
  const unsigned char *a = (const unsigned char *)lhs;
  const unsigned char *b = (const unsigned char *)rhs;
  for (; count; --count, ++a, ++b)
    if (*a != *b)
      return *a < *b ? -1 : 1;
  return 0;
}
