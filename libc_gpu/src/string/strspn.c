#include <string.h>

size_t strspn(const char *text, const char *accept) {
  size_t n = 0;
  while (text[n] && strchr(accept, text[n]))
    ++n;
  return n;
}
