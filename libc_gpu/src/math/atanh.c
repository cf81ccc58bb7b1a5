/* atanh a = log1p(2a / (1 - a)) / 2 from LLVM libc's correctly rounded
 * log1p, its argument in double-double; within 2 ulp
 * (test/libc/math_ulp_vs_glibc.c records the worst case). */
#include <math.h>

#include "../__support/log1p_dd.h"
#include "../__support/math_error.h"

double atanh(double x) {
  double a = __builtin_fabs(x);
  if (x != x)
    return x + x;
  if (a > 1.0)
    return __math_invalid();
  if (a == 1.0)
    return __math_divzero(__builtin_signbit(x) != 0);
  if (a < 0x1p-28) /* atanh x = x + x^3/3 rounds to x */
    return __math_tiny(x);
  __dd twice = {a + a, 0.0};
  double result = 0.5 * __log1p_dd(__dd_div(twice, __dd_two_sum(1.0, -a)));
  return __builtin_copysign(result, x);
}
