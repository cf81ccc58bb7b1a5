/* scalbln through LLVM libc's scalbn: beyond +-2^15 every finite nonzero
 * double overflows or underflows alike, so the exponent is clamped there. ERANGE
 * on overflow and on underflow to zero, as glibc (LLVM libc's scalbn sets
 * no errno). */
#include <errno.h>
#include <math.h>

#include "../__support/math_error.h"

double scalbln(double x, long exponent) {
  if (exponent > 32768)
    exponent = 32768;
  if (exponent < -32768)
    exponent = -32768;
  double result = scalbn(x, (int)exponent);
  if ((__builtin_isinf(result) && !__builtin_isinf(x)) || (result == 0 && x != 0))
    __math_set_errno(ERANGE);
  return result;
}
