/* asin x = atan(x / sqrt(1 - x^2)) in double-double (__support/atan_dd.c),
 * rounded once: faithful. 1 - x^2 is formed as (1 - x)(1 + x), exact enough
 * near |x| = 1 where the quotient grows without bound. */
#include <math.h>

#include "../__support/atan_dd.h"
#include "../__support/math_error.h"

double asin(double x) {
  double a = __builtin_fabs(x);
  if (x != x)
    return x + x;
  if (a > 1.0)
    return __math_invalid();
  if (a < 0x1p-26) /* asin x = x + x^3/6 rounds to x */
    return __math_tiny(x);
  if (a == 1.0)
    return __builtin_copysign(__PI_2_HI + __PI_2_LO, x);
  __dd root = __dd_sqrt(__dd_mul(__dd_two_sum(1.0, -a), __dd_two_sum(1.0, a)));
  __dd n = {a, 0.0};
  double result = __atan_dd(n, root).hi;
  return __builtin_copysign(result, x);
}
