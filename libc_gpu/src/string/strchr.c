#include <string.h>

char *strchr(const char *text, int ch) {
  char wanted = (char)ch;
  for (;; ++text) {
    if (*text == wanted)
      return (char *)text;
    if (!*text)
      return NULL;
  }
}
