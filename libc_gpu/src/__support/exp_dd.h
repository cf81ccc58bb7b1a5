/* The exponential of a double-double, rounded once to double: the last step
 * of pow. */
#ifndef LIBC_GPU_SUPPORT_EXP_DD_H
#define LIBC_GPU_SUPPORT_EXP_DD_H

/* (negative ? -1 : 1) * exp(hi + lo) for |lo| <= 2^-40 |hi| (hi not NaN),
 * with an error below 2^-61 of the result before its one rounding, also when
 * the result is subnormal. Overflow and underflow to zero raise their
 * exceptions and set ERANGE (math_error.h). */
double __exp_dd(double hi, double lo, int negative);

#endif
