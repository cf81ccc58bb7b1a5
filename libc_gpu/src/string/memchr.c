#include <string.h>

void *memchr(const void *haystack, int byte, size_t count) {
  const unsigned char *p = (const unsigned char *)haystack;
  for (; count; --count, ++p)
    if (*p == (unsigned char)byte)
      return (void *)p;
  return NULL;
}
