/* The natural logarithm in double-double, for pow and the functions built on
 * it. */
#ifndef LIBC_GPU_SUPPORT_LOG_DD_H
#define LIBC_GPU_SUPPORT_LOG_DD_H

#include "double_double.h"

/* log(x) for a finite x > 0 (normal or subnormal) as hi + lo, with an error
 * below 2^-68 |log x| (and exactly zero at x = 1). */
__dd __log_dd(double x);

#endif
