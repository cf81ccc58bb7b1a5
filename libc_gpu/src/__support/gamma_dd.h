/* log|gamma(x)| in double-double, for lgamma and tgamma (gamma_dd.c). */
#ifndef LIBC_GPU_SUPPORT_GAMMA_DD_H
#define LIBC_GPU_SUPPORT_GAMMA_DD_H

#include "double_double.h"

/* log|gamma(x)| for a finite x != 0 that is not a negative integer, with
 * -2^52 < x < 2^900, as hi + lo with an absolute error of a few 2^-62 times
 * log(2 + |x|) (its zeros near 1 and 2, and on the negative axis, are
 * therefore only absolutely accurate); *negative = gamma(x) < 0. */
__dd __lgamma_dd(double x, int *negative);

#endif
