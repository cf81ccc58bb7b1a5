#include <stdlib.h>
#include <string.h>

char *strdup(const char *text) {
  size_t size = strlen(text) + 1;
  char *copy = (char *)malloc(size);
  return copy ? (char *)memcpy(copy, text, size) : NULL;
}
