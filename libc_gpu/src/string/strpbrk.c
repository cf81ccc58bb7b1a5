#include <string.h>

char *strpbrk(const char *text, const char *accept) {
  text += strcspn(text, accept);
  return *text ? (char *)text : NULL;
}
