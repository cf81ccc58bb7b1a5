/* erf x: for |x| < 2^-28, 2/sqrt(pi) x; below 1, its Taylor series in
 * double-double (__support/erf_dd.c); then 1 - erfc |x|, with erfc from
 * exp(-x^2) erfcx(x), erfcx from Taylor expansions around the centres of 18
 * cells. Within 1.5 ulp: test/libc/math_ulp_vs_glibc.c records the worst case. */
#include <math.h>

#include "../__support/erf_dd.h"

/* 2/sqrt(pi) = K_HI + K_LO */
#define K_HI 0x1.20dd750429b6dp+0
#define K_LO 0x1.1ae3a914fed80p-56

double erf(double x) {
  if (x != x)
    return x + x;
  double a = __builtin_fabs(x);
  if (a < 0x1p-28) /* erf x = 2/sqrt(pi) x (1 - x^2/3 + ...); also raises underflow */
    return __dd_mul_add(x, K_HI, x * K_LO);
  if (a < 1.0)
    return __erf_small_dd(x).hi;
  if (a >= 6.0) /* erfc 6 < 2^-55 */
    return __builtin_copysign(1.0, x);
  return __builtin_copysign(1.0 - __erfc_large(a), x);
}
