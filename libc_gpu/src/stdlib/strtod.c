#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../__support/str_to_float.h"

static const struct __float_format binary64 = {53, -1022, 1023};

double strtod(const char *restrict text, char **restrict end) {
  struct __parsed_float r = __str_to_float(text, end, &binary64);
  uint64_t bits = (uint64_t)r.negative << 63;
  if (r.kind == __FLOAT_NAN)
    bits |= 0x7ff8000000000000ull;
  else if (r.kind == __FLOAT_INFINITE)
    bits |= 0x7ff0000000000000ull;
  else if (r.mantissa >> 52) /* normal; the exponent counts from the last bit */
    bits |= (uint64_t)(r.exponent + 52 + 1023) << 52 | (r.mantissa & ((1ull << 52) - 1));
  else
    bits |= r.mantissa; /* subnormal or zero */
  double value;
  memcpy(&value, &bits, sizeof value);
  return value;
}
