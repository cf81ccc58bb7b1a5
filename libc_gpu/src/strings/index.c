#include <string.h>
#include <strings.h>

char *index(const char *text, int ch) {
  return strchr(text, ch);
}
