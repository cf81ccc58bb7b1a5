#include <inttypes.h>

#include "../__support/str_to_integer.h"

intmax_t strtoimax(const char *restrict text, char **restrict end, int base) {
  return (intmax_t)__str_to_integer(text, end, base, 1, INTMAX_MAX);
}
