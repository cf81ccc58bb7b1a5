/* powf through libc_gpu's double pow: the conversions are exact but the
 * last, so the result is the correctly rounded one but for double rounding
 * (an error below 2^-28 ulp past the half). libc_gpu's own: LLVM libc 19's
 * powf gives NaN and -0 for pow(-inf, y) and pow(-0, y) when y is not an odd
 * integer, where C says +inf and +0. */
#include <errno.h>
#include <math.h>

#include "../__support/math_error.h"

float powf(float x, float y) {
  double exact = pow((double)x, (double)y);
  float result = (float)exact;
  /* Out of float's range, though not of double's: pow set no errno. Like
   * glibc's powf, ERANGE also below the smallest subnormal, 2^-149, even when
   * that rounds up to it. */
  double magnitude = __builtin_fabs(exact);
  if ((__builtin_isinf(result) && !__builtin_isinf(exact)) ||
      (magnitude != 0 && magnitude < 0x1p-149))
    __math_set_errno(ERANGE);
  return result;
}
