/* acos x = atan(sqrt(1 - x^2) / x) in double-double (__support/atan_dd.c),
 * taken from pi for x < 0, rounded once: faithful. */
#include <math.h>

#include "../__support/atan_dd.h"
#include "../__support/math_error.h"

double acos(double x) {
  double a = __builtin_fabs(x);
  if (x != x)
    return x + x;
  if (a > 1.0)
    return __math_invalid();
  if (a == 1.0)
    return x > 0 ? 0.0 : __PI_HI + __PI_LO;
  __dd root = __dd_sqrt(__dd_mul(__dd_two_sum(1.0, -a), __dd_two_sum(1.0, a)));
  __dd d = {a, 0.0};
  __dd result = __atan_dd(root, d);
  if (x < 0)
    result = __pi_minus_dd(result);
  return result.hi;
}
