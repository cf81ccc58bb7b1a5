#include <string.h>

char *strncat(char *restrict dst, const char *restrict src, size_t count) {
  char *d = dst + strlen(dst);
  for (; count && *src; --count)
    *d++ = *src++;
  *d = '\0';
  return dst;
}
