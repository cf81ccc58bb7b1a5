#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../__support/str_to_float.h"

static const struct __float_format binary32 = {24, -126, 127};

float strtof(const char *restrict text, char **restrict end) {
  struct __parsed_float r = __str_to_float(text, end, &binary32);
  uint32_t bits = (uint32_t)r.negative << 31;
  if (r.kind == __FLOAT_NAN)
    bits |= 0x7fc00000u;
  else if (r.kind == __FLOAT_INFINITE)
    bits |= 0x7f800000u;
  else if (r.mantissa >> 23) /* normal; the exponent counts from the last bit */
    bits |= (uint32_t)(r.exponent + 23 + 127) << 23 | ((uint32_t)r.mantissa & ((1u << 23) - 1));
  else
    bits |= (uint32_t)r.mantissa; /* subnormal or zero */
  float value;
  memcpy(&value, &bits, sizeof value);
  return value;
}
