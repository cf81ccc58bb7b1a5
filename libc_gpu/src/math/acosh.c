/* acosh x = log(x + sqrt(x^2 - 1)), arranged against cancellation, from LLVM
 * libc's correctly rounded log and log1p, the latter's argument in
 * double-double; within 2 ulp (test/libc/math_ulp_vs_glibc.c records the
 * worst case). */
#include <math.h>

#include "../__support/double_double.h"
#include "../__support/log1p_dd.h"
#include "../__support/math_error.h"

#define LN2 0x1.62e42fefa39efp-1

double acosh(double x) {
  if (x != x)
    return x + x;
  if (x < 1.0)
    return __math_invalid();
  if (x == 1.0)
    return 0.0;
  if (__builtin_isinf(x))
    return x;
  if (x > 0x1p28) /* sqrt(x^2 - 1) = x to double precision */
    return log(x) + LN2;
  if (x > 2.0)
    return log(2.0 * x - 1.0 / (x + __dd_sqrt_double(x * x - 1.0)));
  /* log1p(t + sqrt(2t + t^2)) with t = x - 1 (exact), the argument in
   * double-double */
  double t = x - 1.0;
  __dd root = __dd_sqrt(__dd_add_double(__dd_two_prod(t, t), 2.0 * t));
  return __log1p_dd(__dd_add_double(root, t));
}
