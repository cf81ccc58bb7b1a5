#include <string.h>

/* The C locale collates in byte order. */
int strcoll(const char *lhs, const char *rhs) {
  return strcmp(lhs, rhs);
}
