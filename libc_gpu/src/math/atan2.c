/* atan2 in double-double (__support/atan_dd.c), rounded once: faithful. The
 * special cases are C's Annex F (F.10.1.4); an underflow to zero sets
 * ERANGE, as in glibc. */
#include <math.h>
#include <stdint.h>

#include "../__support/atan_dd.h"
#include "../__support/math_error.h"

static int biased_exponent(double x) {
  return (int)(__dd_bits(x) >> 52 & 0x7ff);
}

double atan2(double y, double x) {
  if (x != x || y != y)
    return x + y;
  double ax = __builtin_fabs(x), ay = __builtin_fabs(y);
  int x_negative = __builtin_signbit(x) != 0;
  double result;
  if (ay == 0) {
    result = x_negative ? __PI_HI + __PI_LO : 0.0;
  } else if (ax == 0) {
    result = __PI_2_HI + __PI_2_LO;
  } else if (__builtin_isinf(ax)) {
    if (__builtin_isinf(ay))
      result = x_negative ? __PI_3_4_HI + __PI_3_4_LO : 0.5 * __PI_2_HI + 0.5 * __PI_2_LO;
    else
      result = x_negative ? __PI_HI + __PI_LO : 0.0;
  } else if (__builtin_isinf(ay)) {
    result = __PI_2_HI + __PI_2_LO;
  } else {
    int exponent_gap = biased_exponent(ay) - biased_exponent(ax);
    if (exponent_gap > 60) {
      /* pi/2 -+ |x/y|, |x/y| < 2^-59 */
      double ratio = ax / ay;
      result = __PI_2_HI + (x_negative ? __PI_2_LO + ratio : __PI_2_LO - ratio);
    } else if (exponent_gap < -60) {
      /* |y/x| < 2^-59: atan rounds to the quotient itself */
      double ratio = ay / ax;
      if (x_negative)
        result = __PI_HI + (__PI_LO - ratio);
      else
        result = __math_check_underflow(ratio);
    } else {
      /* The quotient is unchanged by a common power of two, which keeps
       * both inside the range where double-double is exact. */
      double larger = ax > ay ? ax : ay;
      if (larger > 0x1p500) {
        ax *= 0x1p-600;
        ay *= 0x1p-600;
      } else if (larger < 0x1p-500) {
        ax *= 0x1p600;
        ay *= 0x1p600;
      }
      __dd n = {ay, 0.0}, d = {ax, 0.0};
      __dd a = __atan_dd(n, d);
      result = x_negative ? __pi_minus_dd(a).hi : a.hi;
    }
  }
  return __builtin_copysign(result, y);
}
