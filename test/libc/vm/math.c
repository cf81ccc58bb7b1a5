// <math.h> in 16 VMs against glibc: 90 functions and variants (libc_gpu's
// own double functions, LLVM libc's double and float ones) on 12 000
// generated arguments: special values, raw bits (every binade), and a range
// each function cares about. Results are printed to 10 significant digits,
// where a result within an ulp or two of glibc's prints the same but by rare
// chance, NaN without its sign, and errno after each call where
// math_errhandling says it is set (the host, as glibc; "no-errno" leaves it
// out, for the GPUs).
// RUN: rm -rf %t && mkdir -p %t/logs
// RUN: %glibc-cc %s -o %t/glibc.exe -lm && %t/glibc.exe > %t/expected
// RUN: %gpucxx --target=host -O2 -I%S %s -o %t/math.img
// RUN: %gpuvm run %t/math.img --vms 16 --log-dir %t/logs -- {vm} 16 2>%t/err
// RUN: for k in $(seq 0 15); do cat %t/logs/vm-$k.out; done > %t/vms
// RUN: diff %t/expected %t/vms
// RUN: FileCheck %s < %t/err
// RUN: wc -l < %t/vms | FileCheck %s --check-prefix=LINES
// CHECK: 16 exited with status 0
// LINES: 12000
// Every function the program calls exists on the GPU targets too: ocml's on
// amdgcn, LLVM libc's and ours on nvptx (utils/gpu-check runs it on one).
// RUN: %gpucxx --target=amdgcn -O2 -I%S %s -o %t/math.amdgcn.img
// RUN: %gpucxx --target=nvptx -O2 -I%S %s -o %t/math.nvptx.img
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cases.h"

enum { CASES = 12000 };

static double from_bits(uint64_t bits) {
  double x;
  memcpy(&x, &bits, sizeof x);
  return x;
}

static const double specials[] = {0.0,       -0.0,  INFINITY, -INFINITY, NAN,    1.0,   -1.0,
                                  0.5,       -0.5,  2.0,      -2.0,      3.0,    -3.0,  0x1p-1074,
                                  0x1p-1022, 1e300, -1e300,   0x1p-30,   1e-300, 710.0, -745.5};

/* An argument: a special value, raw bits (any binade), or a number in
 * [-range, range]. */
static double pick(uint64_t *state, double range) {
  uint64_t r = next_random(state);
  switch (r % 4) {
  case 0:
    return specials[(r >> 8) % (sizeof specials / sizeof specials[0])];
  case 1:
    return from_bits(next_random(state));
  default:
    return range * ((double)(int64_t)(next_random(state) >> 11) * 0x1p-52 - 1.0);
  }
}

/* How a function's result is shown: a double with errno, a double without
 * (LLVM libc's sqrt, remainder, nextafter, fma and logb set errno unlike
 * glibc), a float (9 digits, errno left out likewise). */
enum { WITH_ERRNO, NO_ERRNO, FLOAT };

static int print_errno;

static void show(const char *name, int kind, double x, double y, double result, int error) {
  char text[40];
  if (isnan(result))
    snprintf(text, sizeof text, "nan");
  else
    snprintf(text, sizeof text, kind == FLOAT ? "%.9g" : "%.10g", result);
  if (print_errno && kind == WITH_ERRNO)
    printf("%s(%.17g, %.17g) = %s errno %d\n", name, x, y, text, error);
  else
    printf("%s(%.17g, %.17g) = %s\n", name, x, y, text);
}

typedef double (*unary)(double);
typedef double (*binary)(double, double);

/* The float functions. glibc's own are not correctly rounded, LLVM libc's
 * are: glibc's build takes its double function rounded to float instead,
 * which is correctly rounded but for double rounding, a chance in 2^29. */
#ifdef __gpuvm__
#define FLOAT1(fn)                                                                                 \
  static double fn##_float(double x) {                                                             \
    return fn##f((float)x);                                                                        \
  }
#define FLOAT2(fn)                                                                                 \
  static double fn##_float(double x, double y) {                                                   \
    return fn##f((float)x, (float)y);                                                              \
  }
#else
#define FLOAT1(fn)                                                                                 \
  static double fn##_float(double x) {                                                             \
    return (float)fn((float)x);                                                                    \
  }
#define FLOAT2(fn)                                                                                 \
  static double fn##_float(double x, double y) {                                                   \
    return (float)fn((float)x, (float)y);                                                          \
  }
#endif
FLOAT1(sin)
FLOAT1(cos)
FLOAT1(tan)
FLOAT1(asin)
FLOAT1(acos)
FLOAT1(atan)
FLOAT1(sinh)
FLOAT1(cosh)
FLOAT1(tanh)
FLOAT1(asinh)
FLOAT1(acosh)
FLOAT1(atanh)
FLOAT1(exp)
FLOAT1(exp2)
FLOAT1(exp10)
FLOAT1(expm1)
FLOAT1(log)
FLOAT1(log2)
FLOAT1(log10)
FLOAT1(log1p)
FLOAT1(cbrt)
FLOAT1(erf)
FLOAT1(erfc)
FLOAT1(tgamma)
FLOAT1(lgamma)
FLOAT1(sqrt)
FLOAT1(floor)
FLOAT1(round)
FLOAT1(logb)
FLOAT2(pow)
FLOAT2(atan2)
FLOAT2(hypot)
FLOAT2(fmod)
FLOAT2(remainder)
FLOAT2(fmin)
FLOAT2(fdim)

static double frexp_mantissa(double x) {
  int exponent;
  return frexp(x, &exponent);
}
static double frexp_exponent(double x) {
  int exponent = 0;
  frexp(x, &exponent);
  return isfinite(x) ? exponent : 0;
}
static double modf_fraction(double x) {
  double whole;
  return modf(x, &whole);
}
static double ilogb_double(double x) {
  return ilogb(x);
}
static double lround_double(double x) {
  return fabs(x) < 0x1p62 ? (double)lround(x) : 0;
}
static double llrint_double(double x) {
  return fabs(x) < 0x1p62 ? (double)llrint(x) : 0;
}
static double ldexp_double(double x, double y) {
  return ldexp(x, (int)fmax(fmin(y, 3000), -3000));
}
static double scalbln_double(double x, double y) {
  return scalbln(x, (long)fmax(fmin(y, 1e6), -1e6));
}
/* fmin and fmax of +0 and -0 may give either (C leaves it open; the GPUs'
 * min instruction and glibc differ): + 0.0 makes both zeros +0. */
static double fmin_zero(double x, double y) {
  return fmin(x, y) + 0.0;
}
static double fmax_zero(double x, double y) {
  return fmax(x, y) + 0.0;
}
static double fminf_zero(double x, double y) {
  return fmin_float(x, y) + 0.0;
}
static double remquo_double(double x, double y) {
  int quotient;
  return remquo(x, y, &quotient);
}
/* + 0.0: LLVM libc 19's fma without FMA hardware (baseline x86-64) gives +0
 * for a negative product that underflows to zero. */
static double fma_double(double x, double y) {
  return fma(x, y, x / 3) + 0.0;
}

static const struct {
  const char *name;
  unary f;
  double range;
  int kind;
} unaries[] = {
    {"atan", atan, 20, WITH_ERRNO},
    {"asin", asin, 1.2, WITH_ERRNO},
    {"acos", acos, 1.2, WITH_ERRNO},
    {"sinh", sinh, 30, WITH_ERRNO},
    {"cosh", cosh, 30, WITH_ERRNO},
    {"tanh", tanh, 5, WITH_ERRNO},
    {"asinh", asinh, 100, WITH_ERRNO},
    {"acosh", acosh, 100, WITH_ERRNO},
    {"atanh", atanh, 1.1, WITH_ERRNO},
    {"cbrt", cbrt, 1000, WITH_ERRNO},
    {"exp10", exp10, 300, WITH_ERRNO},
    {"erf", erf, 6, WITH_ERRNO},
    {"erfc", erfc, 27, WITH_ERRNO},
    {"tgamma", tgamma, 172, WITH_ERRNO},
    {"lgamma", lgamma, 100, WITH_ERRNO},
    {"sin", sin, 10, WITH_ERRNO},
    {"cos", cos, 10, WITH_ERRNO},
    {"tan", tan, 10, WITH_ERRNO},
    {"exp", exp, 700, WITH_ERRNO},
    {"exp2", exp2, 1000, WITH_ERRNO},
    {"expm1", expm1, 50, WITH_ERRNO},
    {"log", log, 100, WITH_ERRNO},
    {"log2", log2, 100, WITH_ERRNO},
    {"log10", log10, 100, WITH_ERRNO},
    {"log1p", log1p, 10, WITH_ERRNO},
    {"sqrt", sqrt, 100, NO_ERRNO},
    {"floor", floor, 1e6, WITH_ERRNO},
    {"ceil", ceil, 1e6, WITH_ERRNO},
    {"trunc", trunc, 1e6, WITH_ERRNO},
    {"round", round, 10, WITH_ERRNO},
    {"rint", rint, 10, WITH_ERRNO},
    {"nearbyint", nearbyint, 10, WITH_ERRNO},
    {"fabs", fabs, 10, WITH_ERRNO},
    {"logb", logb, 1e6, NO_ERRNO},
    {"frexp", frexp_mantissa, 1e6, WITH_ERRNO},
    {"frexp_exp", frexp_exponent, 1e6, WITH_ERRNO},
    {"modf", modf_fraction, 1e3, WITH_ERRNO},
    {"ilogb", ilogb_double, 1e6, WITH_ERRNO},
    {"lround", lround_double, 1e6, WITH_ERRNO},
    {"llrint", llrint_double, 1e6, WITH_ERRNO},
    {"sinf", sin_float, 10, FLOAT},
    {"cosf", cos_float, 10, FLOAT},
    {"tanf", tan_float, 10, FLOAT},
    {"asinf", asin_float, 1.2, FLOAT},
    {"acosf", acos_float, 1.2, FLOAT},
    {"atanf", atan_float, 20, FLOAT},
    {"sinhf", sinh_float, 30, FLOAT},
    {"coshf", cosh_float, 30, FLOAT},
    {"tanhf", tanh_float, 5, FLOAT},
    {"asinhf", asinh_float, 100, FLOAT},
    {"acoshf", acosh_float, 100, FLOAT},
    {"atanhf", atanh_float, 1.1, FLOAT},
    {"expf", exp_float, 90, FLOAT},
    {"exp2f", exp2_float, 130, FLOAT},
    {"exp10f", exp10_float, 40, FLOAT},
    {"expm1f", expm1_float, 20, FLOAT},
    {"logf", log_float, 100, FLOAT},
    {"log2f", log2_float, 100, FLOAT},
    {"log10f", log10_float, 100, FLOAT},
    {"log1pf", log1p_float, 10, FLOAT},
    {"cbrtf", cbrt_float, 1000, FLOAT},
    {"erff", erf_float, 5, FLOAT},
    {"erfcf", erfc_float, 10, FLOAT},
    {"tgammaf", tgamma_float, 36, FLOAT},
    {"lgammaf", lgamma_float, 100, FLOAT},
    {"sqrtf", sqrt_float, 100, FLOAT},
    {"floorf", floor_float, 1e6, FLOAT},
    {"roundf", round_float, 10, FLOAT},
    {"logbf", logb_float, 1e6, FLOAT},
};

static const struct {
  const char *name;
  binary f;
  double range;
  int kind;
} binaries[] = {
    {"pow", pow, 10, WITH_ERRNO},
    {"atan2", atan2, 10, WITH_ERRNO},
    {"hypot", hypot, 1e3, NO_ERRNO},
    {"fmod", fmod, 100, WITH_ERRNO},
    {"remainder", remainder, 100, NO_ERRNO},
    {"remquo", remquo_double, 100, NO_ERRNO},
    {"fmin", fmin_zero, 10, WITH_ERRNO},
    {"fmax", fmax_zero, 10, WITH_ERRNO},
    {"fdim", fdim, 10, WITH_ERRNO},
    {"copysign", copysign, 10, WITH_ERRNO},
    {"nextafter", nextafter, 10, NO_ERRNO},
    {"ldexp", ldexp_double, 100, WITH_ERRNO},
    {"scalbln", scalbln_double, 100, WITH_ERRNO},
    {"fma", fma_double, 1e3, NO_ERRNO},
    {"powf", pow_float, 10, FLOAT},
    {"atan2f", atan2_float, 10, FLOAT},
    {"hypotf", hypot_float, 1e3, FLOAT},
    {"fmodf", fmod_float, 100, FLOAT},
    {"remainderf", remainder_float, 100, FLOAT},
    {"fminf", fminf_zero, 10, FLOAT},
    {"fdimf", fdim_float, 10, FLOAT},
};

int main(int argc, char **argv) {
  struct cases mine = cases_of(argc, argv, CASES);
  print_errno = (math_errhandling & MATH_ERRNO) != 0;
  for (int i = 1; i < argc; ++i)
    if (!strcmp(argv[i], "no-errno"))
      print_errno = 0;
  const unsigned long unary_count = sizeof unaries / sizeof unaries[0];
  const unsigned long functions = unary_count + sizeof binaries / sizeof binaries[0];
  for (unsigned long number = mine.begin; number < mine.end; ++number) {
    uint64_t state = case_seed(number);
    unsigned long which = number % functions;
    if (which < unary_count) {
      double x = pick(&state, unaries[which].range);
      errno = 0;
      double result = unaries[which].f(x);
      show(unaries[which].name, unaries[which].kind, x, 0, result, errno);
    } else {
      which -= unary_count;
      double x = pick(&state, binaries[which].range), y = pick(&state, binaries[which].range);
      errno = 0;
      double result = binaries[which].f(x, y);
      show(binaries[which].name, binaries[which].kind, x, y, result, errno);
    }
  }
  return 0;
}
