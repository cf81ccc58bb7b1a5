#include <inttypes.h>

#include "../__support/str_to_integer.h"

uintmax_t strtoumax(const char *restrict text, char **restrict end, int base) {
  return (uintmax_t)__str_to_integer(text, end, base, 0, UINTMAX_MAX);
}
