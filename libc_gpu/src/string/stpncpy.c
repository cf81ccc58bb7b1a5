#include <string.h>

char *stpncpy(char *restrict dst, const char *restrict src, size_t count) {
  size_t i = 0;
  for (; i < count && src[i]; ++i)
    dst[i] = src[i];
  char *end = dst + i;
  for (; i < count; ++i)
    dst[i] = '\0';
  return end;
}
