#include <string.h>

void *memmem(const void *haystack, size_t haystack_length, const void *needle,
             size_t needle_length) {
  const unsigned char *h = haystack, *n = needle;
  if (needle_length == 0)
    return (void *)haystack;
  if (needle_length > haystack_length)
    return NULL;
  for (size_t at = 0; at <= haystack_length - needle_length; ++at)
    if (h[at] == n[0] && memcmp(h + at, n, needle_length) == 0)
      return (void *)(h + at);
  return NULL;
}
