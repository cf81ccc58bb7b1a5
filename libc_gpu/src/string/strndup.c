#include <stdlib.h>
#include <string.h>

char *strndup(const char *text, size_t max_len) {
  size_t length = strnlen(text, max_len);
  char *copy = (char *)malloc(length + 1);
  if (!copy)
    return NULL;
  memcpy(copy, text, length);
  copy[length] = '\0';
  return copy;
}
