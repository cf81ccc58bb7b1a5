/* cbrt by Halley's iteration on the significand, then one Newton step whose
 * residual is computed in double-double: faithful. libc_gpu's own: LLVM libc
 * 19's cbrt returns half the right value just below powers of 8
 * (cbrt(0x1.fffffffffffffp-1) = 0.5). */
#include <math.h>
#include <stdint.h>

#include "../__support/double_double.h"

double cbrt(double x) {
  if (x == 0 || !__builtin_isfinite(x))
    return x + x;
  double a = __builtin_fabs(x);
  int scale = 0;
  if (a < 0x1p-1022) { /* subnormal: 2^54 is a cube, 2^18 cubed */
    a *= 0x1p54;
    scale = -18;
  }
  /* a = m 2^(3q) with m in [1, 8). */
  uint64_t bits = __dd_bits(a);
  int exponent = (int)(bits >> 52) - 1023;
  int q = (exponent + 1200) / 3 - 400;
  int r = exponent - 3 * q;
  double m = __dd_double((bits & 0x000fffffffffffffull) | (uint64_t)(1023 + r) << 52);

  /* A first guess within 7%: a third of the exponent and significand bits;
   * Halley's iteration triples the correct bits each time. */
  uint64_t m_bits = __dd_bits(m) - (1023ull << 52);
  double y = __dd_double(m_bits / 3 + (1023ull << 52));
  for (int i = 0; i < 3; ++i) {
    double cube = y * y * y;
    y = y * (cube + 2.0 * m) / (2.0 * cube + m);
  }
  /* y^3 in double-double; m - y^3 is then exact to far below an ulp. */
  __dd cube = __dd_mul_double(__dd_two_prod(y, y), y);
  double residual = (m - cube.hi) - cube.lo;
  y += residual / (3.0 * y * y);

  double power = __dd_double((uint64_t)(q + scale + 1023) << 52);
  return __builtin_copysign(y * power, x);
}
