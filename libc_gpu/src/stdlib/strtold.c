#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../__support/str_to_float.h"

#if __LDBL_MANT_DIG__ == 64
/* The x87's 80-bit format (the host): an explicit leading bit, 15 bits of
 * exponent, sign. */
static const struct __float_format extended = {64, -16382, 16383};

long double strtold(const char *restrict text, char **restrict end) {
  struct __parsed_float r = __str_to_float(text, end, &extended);
  uint64_t mantissa = r.mantissa;
  uint16_t sign_exponent = (uint16_t)(r.negative << 15);
  if (r.kind == __FLOAT_NAN) {
    mantissa = 0xc000000000000000ull;
    sign_exponent |= 0x7fff;
  } else if (r.kind == __FLOAT_INFINITE) {
    mantissa = 0x8000000000000000ull;
    sign_exponent |= 0x7fff;
  } else if (mantissa >> 63) {
    sign_exponent |= (uint16_t)(r.exponent + 63 + 16383);
  } /* else subnormal or zero: exponent field 0 */
  long double value = 0;
  memcpy(&value, &mantissa, sizeof mantissa);
  memcpy((char *)&value + sizeof mantissa, &sign_exponent, sizeof sign_exponent);
  return value;
}
#else
/* The GPUs: long double is double. */
long double strtold(const char *restrict text, char **restrict end) {
  return strtod(text, end);
}
#endif
