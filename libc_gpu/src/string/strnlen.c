#include <string.h>

size_t strnlen(const char *text, size_t max_len) {
  size_t n = 0;
  while (n < max_len && text[n])
    ++n;
  return n;
}
