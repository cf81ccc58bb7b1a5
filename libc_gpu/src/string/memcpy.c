#include <stdint.h>
#include <string.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t count) {
  unsigned char *d = (unsigned char *)dst;
  const unsigned char *s = (const unsigned char *)src;
  /* Word copies when both sides share an alignment: GPUs pay per access. */
  if ((((uintptr_t)d ^ (uintptr_t)s) & 7) == 0) {
    for (; count && ((uintptr_t)d & 7); --count)
      *d++ = *s++;
    for (; count >= 8; count -= 8, d += 8, s += 8)
      *(uint64_t *)(void *)d = *(const uint64_t *)(const void *)s;
  }
  for (; count; --count)
    *d++ = *s++;
  return dst;
}
