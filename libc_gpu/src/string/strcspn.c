#include <string.h>

size_t strcspn(const char *text, const char *reject) {
  size_t n = 0;
  while (text[n] && !strchr(reject, text[n]))
    ++n;
  return n;
}
