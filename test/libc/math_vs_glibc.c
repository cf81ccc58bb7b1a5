/* The host target's exactly rounded math functions (the rounding family,
 * fmin, fmax, copysign, fabs, sqrt: LLVM libc's, built as libm.a is) against
 * glibc's libm, bit for bit. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "libc_gpu_host.h"
#include "vs_glibc.h"

/* fmin and fmax of +0 and -0 may give either: C leaves it open, and glibc's
 * double and float versions do not even agree. libc_gpu orders -0 below +0. */
static int either_zero(const char *what, double x, double y, double got) {
  return strstr(what, "fm") && x == 0 && y == 0 && got == 0;
}

static int is_signaling(double x) {
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  return isnan(x) && !(bits & 0x0008000000000000ull);
}

/* fmin and fmax of a signaling NaN: glibc gives NaN; LLVM libc, which the
 * host target ships, gives the other operand, as the GPUs' min and max
 * instructions do (IEEE 754-2019 minimumNumber). C's Annex F leaves
 * signaling NaNs unspecified; either is taken. */
static int signaling_operand(const char *what, double x, double y, double got) {
  if (!strstr(what, "fm"))
    return 0;
  if (is_signaling(x) && (isnan(got) || !memcmp(&got, &y, sizeof got)))
    return 1;
  return is_signaling(y) && (isnan(got) || !memcmp(&got, &x, sizeof got));
}

/* Equal bits, or both NaN (which NaN comes out is not specified). */
static void check_double(const char *what, double x, double y, double got, double expected) {
  int ok = (isnan(got) && isnan(expected)) || !memcmp(&got, &expected, sizeof got) ||
           either_zero(what, x, y, got) || signaling_operand(what, x, y, got);
  char input[64], ours[32], theirs[32];
  snprintf(input, sizeof input, "%a, %a", x, y);
  snprintf(ours, sizeof ours, "%a", got);
  snprintf(theirs, sizeof theirs, "%a", expected);
  check_case(ok, what, input, ours, theirs);
}

static void check_float(const char *what, float x, float y, float got, float expected) {
  int ok = (isnan(got) && isnan(expected)) || !memcmp(&got, &expected, sizeof got) ||
           either_zero(what, x, y, got);
  char input[64], ours[32], theirs[32];
  snprintf(input, sizeof input, "%a, %a", (double)x, (double)y);
  snprintf(ours, sizeof ours, "%a", (double)got);
  snprintf(theirs, sizeof theirs, "%a", (double)expected);
  check_case(ok, what, input, ours, theirs);
}

static double pick_double(uint64_t index) {
  static const double edges[] = {0.0,          -0.0,          0.5,
                                 -0.5,         1.5,           -1.5,
                                 2.5,          -2.5,          0.49999999999999994,
                                 1e-310,       -1e-310,       0x1p52,
                                 -0x1p52,      0x1p52 + 1,    0x1p53,
                                 0x1p52 - 0.5, -0x1p52 + 0.5, 1e300,
                                 INFINITY,     -INFINITY,     NAN};
  if (index % 2)
    return edges[index / 2 % (sizeof edges / sizeof edges[0])];
  uint64_t bits = test_random();
  double value;
  if (index % 4 == 0) {
    memcpy(&value, &bits, sizeof value);
    return value;
  }
  return (double)(int64_t)(bits >> 40) / (double)(1u << test_random_below(24));
}

void math_vs_glibc(void) {
  for (uint64_t i = 0; i < 100000; ++i) {
    double x = pick_double(i), y = pick_double(i + 7);
    float xf = (float)x, yf = (float)y;
    check_double("trunc", x, 0, libc_gpu_trunc(x), trunc(x));
    check_double("floor", x, 0, libc_gpu_floor(x), floor(x));
    check_double("ceil", x, 0, libc_gpu_ceil(x), ceil(x));
    check_double("rint", x, 0, libc_gpu_rint(x), rint(x));
    check_double("fabs", x, 0, libc_gpu_fabs(x), fabs(x));
    check_double("sqrt", x, 0, libc_gpu_sqrt(x), sqrt(x));
    check_double("copysign", x, y, libc_gpu_copysign(x, y), copysign(x, y));
    check_double("fmin", x, y, libc_gpu_fmin(x, y), fmin(x, y));
    check_double("fmax", x, y, libc_gpu_fmax(x, y), fmax(x, y));
    check_float("truncf", xf, 0, libc_gpu_truncf(xf), truncf(xf));
    check_float("floorf", xf, 0, libc_gpu_floorf(xf), floorf(xf));
    check_float("ceilf", xf, 0, libc_gpu_ceilf(xf), ceilf(xf));
    check_float("rintf", xf, 0, libc_gpu_rintf(xf), rintf(xf));
    check_float("fabsf", xf, 0, libc_gpu_fabsf(xf), fabsf(xf));
    check_float("sqrtf", xf, 0, libc_gpu_sqrtf(xf), sqrtf(xf));
    check_float("copysignf", xf, yf, libc_gpu_copysignf(xf, yf), copysignf(xf, yf));
    check_float("fminf", xf, yf, libc_gpu_fminf(xf, yf), fminf(xf, yf));
    check_float("fmaxf", xf, yf, libc_gpu_fmaxf(xf, yf), fmaxf(xf, yf));
  }
}
