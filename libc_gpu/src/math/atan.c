/* atan in double-double (__support/atan_dd.c), rounded once: faithful. */
#include <math.h>

#include "../__support/atan_dd.h"
#include "../__support/math_error.h"

double atan(double x) {
  double magnitude = __builtin_fabs(x);
  if (x != x)
    return x + x;
  if (magnitude < 0x1p-27) /* atan x = x - x^3/3 rounds to x */
    return __math_tiny(x);
  double result;
  if (magnitude >= 0x1p54) { /* pi/2 - 1/x rounds to pi/2, infinity included */
    result = __PI_2_HI + __PI_2_LO;
  } else {
    __dd n = {magnitude, 0.0}, one = {1.0, 0.0};
    result = __atan_dd(n, one).hi;
  }
  return __builtin_copysign(result, x);
}
