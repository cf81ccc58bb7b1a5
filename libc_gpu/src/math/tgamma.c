/* tgamma x = exp(log|gamma(x)|) with the sign of gamma(x): the logarithm in
 * double-double (__support/gamma_dd.c: Stirling's series, shifted up to 10,
 * and reflection for x < 0), the exponential rounded once
 * (__support/exp_dd.c). Within 2 ulp: test/libc/math_ulp_vs_glibc.c records
 * the worst case. As glibc: a pole at +-0 (ERANGE), NaN with EDOM at the
 * negative integers and -inf, ERANGE on overflow and underflow to zero. */
#include <math.h>

#include "../__support/exp_dd.h"
#include "../__support/gamma_dd.h"
#include "../__support/math_error.h"

double tgamma(double x) {
  if (x != x)
    return x + x;
  if (x == 0)
    return __math_divzero(__builtin_signbit(x) != 0);
  if (__builtin_isinf(x))
    return x > 0 ? x : __math_invalid();
  double a = __builtin_fabs(x);
  if (x < 0 && (a >= 0x1p52 || (a + 0x1p52) - 0x1p52 == a))
    return __math_invalid(); /* a negative integer */
  if (x > 172.0)             /* gamma(171.625) > DBL_MAX */
    return __math_overflow(0);
  int negative;
  __dd l = __lgamma_dd(x, &negative);
  return __exp_dd(l.hi, l.lo, negative);
}
