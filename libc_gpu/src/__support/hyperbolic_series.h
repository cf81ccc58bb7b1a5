/* The Taylor series of sinh and cosh, for sinh and tanh below 1: there the
 * series converge within ten terms, and their higher terms are small next to
 * the first, so rounding them costs nearly nothing. */
#ifndef LIBC_GPU_SUPPORT_HYPERBOLIC_SERIES_H
#define LIBC_GPU_SUPPORT_HYPERBOLIC_SERIES_H

#include "double_double.h"

/* sinh a - a = a s (1/3! + s/5! + ... + s^9/21!) with s = a^2, |a| <= 1 (the
 * next term is below 2^-70 a). */
static inline double __sinh_series_tail(double a) {
  double s = a * a;
  double p = __dd_mul_add(s, 1.0 / 51090942171709440000.0, 1.0 / 121645100408832000.0);
  p = __dd_mul_add(s, p, 1.0 / 355687428096000.0);
  p = __dd_mul_add(s, p, 1.0 / 1307674368000.0);
  p = __dd_mul_add(s, p, 1.0 / 6227020800.0);
  p = __dd_mul_add(s, p, 1.0 / 39916800.0);
  p = __dd_mul_add(s, p, 1.0 / 362880.0);
  p = __dd_mul_add(s, p, 1.0 / 5040.0);
  p = __dd_mul_add(s, p, 1.0 / 120.0);
  p = __dd_mul_add(s, p, 1.0 / 6.0);
  return a * s * p;
}

/* cosh a - 1 = s (1/2! + s/4! + ... + s^9/20!) with s = a^2, |a| <= 1. */
static inline double __cosh_series_tail(double a) {
  double s = a * a;
  double p = __dd_mul_add(s, 1.0 / 2432902008176640000.0, 1.0 / 6402373705728000.0);
  p = __dd_mul_add(s, p, 1.0 / 20922789888000.0);
  p = __dd_mul_add(s, p, 1.0 / 87178291200.0);
  p = __dd_mul_add(s, p, 1.0 / 479001600.0);
  p = __dd_mul_add(s, p, 1.0 / 3628800.0);
  p = __dd_mul_add(s, p, 1.0 / 40320.0);
  p = __dd_mul_add(s, p, 1.0 / 720.0);
  p = __dd_mul_add(s, p, 1.0 / 24.0);
  p = __dd_mul_add(s, p, 0.5);
  return s * p;
}

#endif
