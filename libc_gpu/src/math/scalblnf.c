/* scalblnf through LLVM libc's scalbnf: beyond +-2^15 every finite nonzero
 * float overflows or underflows alike, so the exponent is clamped there. ERANGE
 * on overflow and on underflow to zero, as glibc (LLVM libc's scalbnf sets
 * no errno). */
#include <errno.h>
#include <math.h>

#include "../__support/math_error.h"

float scalblnf(float x, long exponent) {
  if (exponent > 32768)
    exponent = 32768;
  if (exponent < -32768)
    exponent = -32768;
  float result = scalbnf(x, (int)exponent);
  if ((__builtin_isinf(result) && !__builtin_isinf(x)) || (result == 0 && x != 0))
    __math_set_errno(ERANGE);
  return result;
}
