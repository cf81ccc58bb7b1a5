/* erfc x: 1 - erf x in double-double below 0.5 (__support/erf_dd.c); from
 * 0.5 on, exp(-x^2 + log erfcx x) rounded once, erfcx from Taylor expansions
 * around the centres of 18 cells up to 28, past erfc's underflow near 27.23;
 * 2 - erfc |x| from -1 down. Within 1.5 ulp: test/libc/math_ulp_vs_glibc.c
 * records the worst case. ERANGE on underflow to zero, as glibc. */
#include <math.h>

#include "../__support/erf_dd.h"

double erfc(double x) {
  if (x != x)
    return x + x;
  if (__builtin_isinf(x))
    return x > 0 ? 0.0 : 2.0;
  if (x >= 0.5)
    return __erfc_large(x); /* 0 (ERANGE) from 28 on */
  if (x <= -1.0)
    return x < -6.0 ? 2.0 : 2.0 - __erfc_large(-x); /* erfc(-6) > 2 - 2^-54 */
  if (__builtin_fabs(x) < 0x1p-60)
    return 1.0 - x;
  __dd e = __erf_small_dd(x);
  __dd r = {-e.hi, -e.lo};
  return __dd_add_double(r, 1.0).hi;
}
