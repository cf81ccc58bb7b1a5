/* exp10 x = exp(x log 10), with the product in double-double and the
 * exponential of __support/exp_dd.c: faithful. The host's own: LLVM libc
 * 19's exp10 without FMA (baseline x86-64) is hundreds of ulps off for large
 * x; NVPTX, which has FMA, keeps LLVM libc's correctly rounded one. */
#include <math.h>

#include "../__support/double_double.h"
#include "../__support/exp_dd.h"

/* log 10 = LN10_HI + LN10_LO (utils/math_tables.py exp). */
#define LN10_HI 0x1.26bb1bbb55516p+1
#define LN10_LO -0x1.f48ad494ea3e9p-53

double exp10(double x) {
  if (x != x)
    return x + x;
  if (__builtin_isinf(x))
    return x > 0 ? x : 0.0;
  /* Far beyond the range either way; keeps the product finite. */
  if (x > 400.0)
    x = 400.0;
  if (x < -400.0)
    x = -400.0;
  __dd product = __dd_two_prod(x, LN10_HI);
  product = __dd_fast_two_sum(product.hi, product.lo + x * LN10_LO);
  return __exp_dd(product.hi, product.lo, 0);
}
