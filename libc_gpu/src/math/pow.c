/* pow(x, y) = exp(y log x), with log x and the product in double-double
 * (__support/log_dd.c) and the exponential rounded once (__support/exp_dd.c):
 * faithful. The special cases are C's Annex F (F.10.4.4); errno as glibc
 * (EDOM for a negative base with a non-integer exponent, ERANGE at a pole,
 * on overflow and on underflow to zero). */
#include <math.h>
#include <stdint.h>

#include "../__support/exp_dd.h"
#include "../__support/log_dd.h"
#include "../__support/math_error.h"

/* 0 when y is not an integer, 1 for an odd one, 2 for an even one. */
static int integer_kind(double y) {
  uint64_t bits = __dd_bits(y);
  int exponent = (int)(bits >> 52 & 0x7ff) - 1023;
  if (exponent < 0)
    return y == 0 ? 2 : 0;
  if (exponent > 52)
    return 2; /* every double from 2^53 up is even */
  uint64_t fraction_mask = (1ull << (52 - exponent)) - 1;
  if (bits & fraction_mask)
    return 0;
  return (bits >> (52 - exponent) & 1) ? 1 : 2;
}

double pow(double x, double y) {
  if (y == 0 || x == 1.0)
    return 1.0; /* even for a NaN on the other side */
  if (x != x || y != y)
    return x + y;
  double ax = __builtin_fabs(x), ay = __builtin_fabs(y);
  int odd = integer_kind(y) == 1;
  int x_negative = __builtin_signbit(x) != 0;

  if (__builtin_isinf(y)) {
    if (ax == 1.0)
      return 1.0; /* pow(-1, +-inf) */
    return (ax < 1.0) == (y < 0) ? __builtin_inf() : 0.0;
  }
  if (ax == 0) {
    int negative = x_negative && odd;
    if (y < 0)
      return __math_divzero(negative);
    return negative ? -0.0 : 0.0;
  }
  if (__builtin_isinf(x)) {
    int negative = x_negative && odd;
    double magnitude = y < 0 ? 0.0 : __builtin_inf();
    return negative ? -magnitude : magnitude;
  }
  int negative = 0;
  if (x_negative) {
    if (integer_kind(y) == 0)
      return __math_invalid();
    negative = odd;
  }
  if (ax == 1.0)
    return negative ? -1.0 : 1.0;
  /* From |y| = 2^63 on, |y log x| >= 2^63 log1p(2^-53) > 1024 for every
   * x != 1: the result overflows or underflows whatever x is. */
  if (ay >= 0x1p63)
    return (ax > 1.0) == (y > 0) ? __math_overflow(negative) : __math_underflow(negative);

  __dd log_x = __log_dd(ax);
  __dd product = __dd_two_prod(y, log_x.hi);
  product = __dd_fast_two_sum(product.hi, product.lo + y * log_x.lo);
  return __exp_dd(product.hi, product.lo, negative);
}
