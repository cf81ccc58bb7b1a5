#include <string.h>

/* In the C locale a string is its own collation key. Returns the key's
 * length; the key is copied only when it fits. */
size_t strxfrm(char *restrict dst, const char *restrict src, size_t size) {
  size_t length = strlen(src);
  if (length < size)
    memcpy(dst, src, length + 1);
  return length;
}
