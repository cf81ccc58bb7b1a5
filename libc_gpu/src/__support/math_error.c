#include "math_error.h"

#include <errno.h>
#include <math.h>

/* A value the compiler cannot see through, so that the operation on it
 * happens at run time and raises its exception. */
static double opaque(double x) {
  volatile double value = x;
  return value;
}

void __math_set_errno(int error) {
  if (math_errhandling & MATH_ERRNO)
    errno = error;
}

double __math_overflow(int negative) {
  __math_set_errno(ERANGE);
  return opaque(negative ? -0x1p769 : 0x1p769) * 0x1p769;
}

double __math_underflow(int negative) {
  __math_set_errno(ERANGE);
  return opaque(negative ? -0x1p-767 : 0x1p-767) * 0x1p-767;
}

double __math_divzero(int negative) {
  __math_set_errno(ERANGE);
  return (negative ? -1.0 : 1.0) / opaque(0.0);
}

double __math_invalid(void) {
  __math_set_errno(EDOM);
  double zero = opaque(0.0);
  return zero / zero;
}

double __math_check_underflow(double y) {
  if (y == 0)
    __math_set_errno(ERANGE);
  if (__builtin_fabs(y) < 0x1p-1022) {
    volatile double raised = opaque(0x1p-1022) * 0x1p-1022;
    (void)raised;
  }
  return y;
}

double __math_tiny(double x) {
  if (x != 0 && __builtin_fabs(x) < 0x1p-1022) {
    volatile double raised = opaque(x) * x;
    (void)raised;
  }
  return x;
}
