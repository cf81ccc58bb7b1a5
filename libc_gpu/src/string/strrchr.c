#include <string.h>

char *strrchr(const char *text, int ch) {
  char wanted = (char)ch;
  const char *found = NULL;
  for (;; ++text) {
    if (*text == wanted)
      found = text;
    if (!*text)
      return (char *)found;
  }
}
