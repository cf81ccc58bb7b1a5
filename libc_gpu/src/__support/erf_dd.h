/* The kernels of erf and erfc (erf_dd.c). */
#ifndef LIBC_GPU_SUPPORT_ERF_DD_H
#define LIBC_GPU_SUPPORT_ERF_DD_H

#include "double_double.h"

/* erf(x) for |x| < 1 as hi + lo, relative error below 2^-60 (the result is
 * rounded once from it by erf and used unrounded by erfc); |x| >= 2^-28. */
__dd __erf_small_dd(double x);

/* erfc(x) for 0.5 <= x (finite), rounded once, with an error below 2^-56
 * relative before that rounding; underflow to zero sets ERANGE. */
double __erfc_large(double x);

#endif
