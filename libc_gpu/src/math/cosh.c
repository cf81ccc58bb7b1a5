/* cosh a = 1 + t^2 / (2 (1 + t)) with t = e^a - 1 near zero, then
 * (e^a + e^-a) / 2 summed in double-double, from LLVM libc's correctly
 * rounded expm1 and exp; from 22 up, e^(a - log 2) rounded once
 * (__support/exp_dd.c). Within 2 ulp: test/libc/math_ulp_vs_glibc.c records
 * the worst case. */
#include <math.h>

#include "../__support/double_double.h"
#include "../__support/exp_dd.h"

/* log 2 = LN2_HI + LN2_LO */
#define LN2_HI 0x1.62e42fefa39efp-1
#define LN2_LO 0x1.abc9e3b39803fp-56

double cosh(double x) {
  double a = __builtin_fabs(x);
  if (x != x)
    return x + x;
  if (__builtin_isinf(x))
    return a;
  if (a < 0x1p-27) /* cosh x = 1 + x^2/2 rounds to 1 */
    return 1.0 + a * a;
  if (a >= 22.0) {
    /* e^-a is below 2^-63 e^a; overflow (and ERANGE) where e^a / 2 overflows */
    __dd reduced = __dd_two_sum(a, -LN2_HI);
    return __exp_dd(reduced.hi, reduced.lo - LN2_LO, 0);
  }
  if (a < 0.3465) { /* below log(2)/2 */
    double t = expm1(a);
    return 1.0 + (t * t) / (2.0 * (1.0 + t));
  }
  double power = exp(a);
  __dd one = {1.0, 0.0}, divisor = {power, 0.0};
  return 0.5 * __dd_add_double(__dd_div(one, divisor), power).hi;
}
