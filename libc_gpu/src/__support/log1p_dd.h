/* log1p of a double-double argument through LLVM libc's correctly rounded
 * log1p, for asinh, acosh and atanh: their arguments come out of a few
 * operations each, and rounding them to double first would add its error to
 * log1p's own. */
#ifndef LIBC_GPU_SUPPORT_LOG1P_DD_H
#define LIBC_GPU_SUPPORT_LOG1P_DD_H

#include <math.h>

#include "double_double.h"

/* log1p(x.hi + x.lo) for x.hi > -1: log1p(hi) + lo / (1 + hi), the low
 * part's first-order term (the next is below 2^-100 of the result). */
static inline double __log1p_dd(__dd x) {
  return log1p(x.hi) + x.lo / (1.0 + x.hi);
}

#endif
