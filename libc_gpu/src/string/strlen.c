#include <string.h>

size_t strlen(const char *text) {
  const char *p = text;
  while (*p)
    ++p;
  return (size_t)(p - text);
}
