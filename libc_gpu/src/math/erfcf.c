/* erfcf through libc_gpu's double erfc: correctly rounded but for double
 * rounding. ERANGE where the float result underflows to zero, as glibc's. */
#include <math.h>

#include "../__support/math_error.h"

#include <errno.h>

float erfcf(float x) {
  float result = (float)erfc((double)x);
  if (result == 0 && !__builtin_isinf(x))
    __math_set_errno(ERANGE);
  return result;
}
