#include <string.h>

char *strncpy(char *restrict dst, const char *restrict src, size_t count) {
  size_t i = 0;
  for (; i < count && src[i]; ++i)
    dst[i] = src[i];
  /* The rest of the destination is zero-filled, as the standard requires. */
  for (; i < count; ++i)
    dst[i] = '\0';
  return dst;
}
