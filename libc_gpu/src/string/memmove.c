#include <stdint.h>
#include <string.h>

void *memmove(void *dst, const void *src, size_t count) {
  unsigned char *d = (unsigned char *)dst;
  const unsigned char *s = (const unsigned char *)src;
  if (d == s || count == 0)
    return dst;
  /* Copy forwards when the destination starts first, backwards otherwise, so
   * that no byte is overwritten before it is read. */
  if ((uintptr_t)d < (uintptr_t)s) {
    for (; count; --count)
      *d++ = *s++;
  } else {
    d += count;
    s += count;
    for (; count; --count)
      *--d = *--s;
  }
  return dst;
}
