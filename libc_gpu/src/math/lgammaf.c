/* lgammaf through libc_gpu's double lgamma (which sets signgam): correctly
 * rounded but for double rounding, away from lgamma's zeros on the negative
 * axis. ERANGE where the float result overflows, as glibc's. */
#include <math.h>

#include "../__support/math_error.h"

#include <errno.h>

float lgammaf(float x) {
  double exact = lgamma((double)x);
  float result = (float)exact;
  if (__builtin_isinf(result) && !__builtin_isinf(exact))
    __math_set_errno(ERANGE);
  return result;
}
