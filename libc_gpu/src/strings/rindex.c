#include <string.h>
#include <strings.h>

char *rindex(const char *text, int ch) {
  return strrchr(text, ch);
}
