/* tgammaf through libc_gpu's double tgamma: correctly rounded but for double
 * rounding. ERANGE where the float result overflows or underflows to zero,
 * as glibc's. */
#include <math.h>

#include "../__support/math_error.h"

#include <errno.h>

float tgammaf(float x) {
  double exact = tgamma((double)x);
  float result = (float)exact;
  if ((__builtin_isinf(result) && !__builtin_isinf(exact)) || (result == 0 && exact != 0))
    __math_set_errno(ERANGE);
  return result;
}
