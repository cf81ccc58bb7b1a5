#include <stdint.h>
#include <string.h>

void *memset(void *dst, int byte, size_t count) {
  unsigned char *d = (unsigned char *)dst;
  unsigned char value = (unsigned char)byte;
  for (; count && ((uintptr_t)d & 7); --count)
    *d++ = value;
  uint64_t word = value * 0x0101010101010101ull;
  for (; count >= 8; count -= 8, d += 8)
    *(uint64_t *)(void *)d = word;
  for (; count; --count)
    *d++ = value;
  return dst;
}
