#include <string.h>

void *memrchr(const void *haystack, int byte, size_t count) {
  const unsigned char *h = haystack;
  while (count--)
    if (h[count] == (unsigned char)byte)
      return (void *)(h + count);
  return NULL;
}
