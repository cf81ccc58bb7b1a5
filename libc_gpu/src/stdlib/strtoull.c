#include <limits.h>
#include <stdlib.h>

#include "../__support/str_to_integer.h"

unsigned long long strtoull(const char *restrict text, char **restrict end, int base) {
  return (unsigned long long)__str_to_integer(text, end, base, 0, ULLONG_MAX);
}
