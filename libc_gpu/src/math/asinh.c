/* asinh a = log(a + sqrt(a^2 + 1)), arranged against cancellation, from LLVM
 * libc's correctly rounded log and log1p, the latter's argument in
 * double-double; within 2 ulp (test/libc/math_ulp_vs_glibc.c records the
 * worst case). */
#include <math.h>

#include "../__support/double_double.h"
#include "../__support/log1p_dd.h"
#include "../__support/math_error.h"

#define LN2 0x1.62e42fefa39efp-1

double asinh(double x) {
  double a = __builtin_fabs(x);
  if (x != x || __builtin_isinf(x))
    return x + x;
  if (a < 0x1p-26) /* asinh x = x - x^3/6 rounds to x */
    return __math_tiny(x);
  double result;
  if (a > 0x1p28) { /* sqrt(a^2 + 1) = a to double precision; 2a may overflow */
    result = log(a) + LN2;
  } else if (a > 2.0) {
    result = log(2.0 * a + 1.0 / (__dd_sqrt_double(a * a + 1.0) + a));
  } else {
    /* log1p(a + a^2 / (1 + sqrt(1 + a^2))), the argument in double-double */
    __dd square = __dd_two_prod(a, a);
    __dd root = __dd_sqrt(__dd_add_double(square, 1.0));
    __dd fraction = __dd_div(square, __dd_add_double(root, 1.0));
    result = __log1p_dd(__dd_add_double(fraction, a));
  }
  return __builtin_copysign(result, x);
}
