/* tanh a: sinh a / cosh a from their series below 0.55, then
 * 1 - 2 / (e^2a + 1) from LLVM libc's correctly rounded expm1; within 2 ulp
 * (test/libc/math_ulp_vs_glibc.c records the worst case). */
#include <math.h>

#include "../__support/double_double.h"
#include "../__support/hyperbolic_series.h"
#include "../__support/math_error.h"

double tanh(double x) {
  double a = __builtin_fabs(x);
  if (x != x)
    return x + x;
  if (a < 0x1p-27) /* tanh x = x - x^3/3 rounds to x */
    return __math_tiny(x);
  double result;
  if (a > 22.0) { /* 1 - tanh a < 2^-63: rounds to 1, infinity included */
    result = 1.0;
  } else if (a < 0.55) {
    /* sinh a / cosh a from their series, in double-double */
    __dd sinh_a = __dd_fast_two_sum(a, __sinh_series_tail(a));
    __dd cosh_a = __dd_fast_two_sum(1.0, __cosh_series_tail(a));
    result = __dd_div(sinh_a, cosh_a).hi;
  } else {
    /* 1 - 2 / (t + 2) with t = e^2a - 1, in double-double, so that only
     * expm1's own error remains */
    double t = expm1(2.0 * a);
    __dd two = {2.0, 0.0};
    __dd fraction = __dd_div(two, __dd_two_sum(t, 2.0));
    __dd difference = __dd_fast_two_sum(1.0, -fraction.hi);
    result = difference.hi + (difference.lo - fraction.lo);
  }
  return __builtin_copysign(result, x);
}
