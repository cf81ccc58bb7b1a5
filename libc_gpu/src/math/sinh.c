/* sinh a: its Taylor series below 1; then (t + t / (t + 1)) / 2 with
 * t = e^a - 1 from LLVM libc's correctly rounded expm1, summed in
 * double-double; from 22 up, e^(a - log 2) rounded once (__support/exp_dd.c).
 * Within 2 ulp: test/libc/math_ulp_vs_glibc.c records the worst case. */
#include <math.h>

#include "../__support/double_double.h"
#include "../__support/exp_dd.h"
#include "../__support/hyperbolic_series.h"
#include "../__support/math_error.h"

/* log 2 = LN2_HI + LN2_LO */
#define LN2_HI 0x1.62e42fefa39efp-1
#define LN2_LO 0x1.abc9e3b39803fp-56

double sinh(double x) {
  double a = __builtin_fabs(x);
  if (x != x || __builtin_isinf(x))
    return x + x;
  if (a < 0x1p-26) /* sinh x = x + x^3/6 rounds to x */
    return __math_tiny(x);
  if (a >= 22.0) {
    /* e^-a is below 2^-63 e^a; overflow (and ERANGE) where e^a / 2 overflows */
    __dd reduced = __dd_two_sum(a, -LN2_HI);
    return __exp_dd(reduced.hi, reduced.lo - LN2_LO, __builtin_signbit(x) != 0);
  }
  if (a < 1.0)
    return __builtin_copysign(a + __sinh_series_tail(a), x);
  double t = expm1(a);
  __dd numerator = {t, 0.0};
  double sum = __dd_add_double(__dd_div(numerator, __dd_two_sum(t, 1.0)), t).hi;
  return __builtin_copysign(0.5 * sum, x);
}
