/* The arctangent in double-double, shared by atan, atan2, asin and acos. */
#ifndef LIBC_GPU_SUPPORT_ATAN_DD_H
#define LIBC_GPU_SUPPORT_ATAN_DD_H

#include "double_double.h"

/* pi, pi/2 and 3pi/4 as hi + lo (hi correctly rounded). */
#define __PI_HI 0x1.921fb54442d18p+1
#define __PI_LO 0x1.1a62633145c07p-53
#define __PI_2_HI 0x1.921fb54442d18p+0
#define __PI_2_LO 0x1.1a62633145c07p-54
#define __PI_3_4_HI 0x1.2d97c7f3321d2p+1
#define __PI_3_4_LO 0x1.a79394c9e8a0ap-54

/* atan(n / d) in [0, pi/2] for finite n, d >= 0, not both zero, with a
 * relative error below 2^-66 when the smaller of n/d and d/n is zero or
 * above 2^-900 (below that it is accurate next to pi/2 only). */
__dd __atan_dd(__dd n, __dd d);

/* pi - a, in double-double. */
__dd __pi_minus_dd(__dd a);

#endif
