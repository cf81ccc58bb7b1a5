#include <limits.h>
#include <stdlib.h>

#include "../__support/str_to_integer.h"

long long strtoll(const char *restrict text, char **restrict end, int base) {
  return (long long)__str_to_integer(text, end, base, 1, LLONG_MAX);
}
