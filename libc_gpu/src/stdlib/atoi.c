#include <stdlib.h>

/* As glibc: the long result is cut to int, with no range check. */
int atoi(const char *text) {
  return (int)strtol(text, NULL, 10);
}
