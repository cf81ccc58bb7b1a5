/* The host target's math library (LLVM libc 19's generic math, and libc_gpu's
 * own double functions that release lacks) against glibc: the error of every
 * result in ulps, measured against glibc's long double (x87, 64-bit
 * significand) version of the function, and the special values and errno
 * against glibc's double version. Prints the worst error per function, the
 * figure we record, and fails when it exceeds the function's bound.
 *
 * Usage: libc_math_ulp_vs_glibc [SCALE]; SCALE multiplies the number of
 * random inputs per function (default 1: 100000 per kind of input). */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "libc_gpu_host.h"

static uint64_t scale = 1;
/* lgamma near its zeros on the negative axis (run_lgamma): there its error
 * is absolute (a few 2^-62), so in ulps it grows without limit towards each
 * zero; 3.5e4 ulp at SCALE 10. A guard against gross errors, not a bound. */
#define LGAMMA_NEAR_ZERO_BOUND 1e6
#define RANDOM_INPUTS (100000 * scale)

static double uniform(void) {
  return (double)(test_random() >> 11) * 0x1p-53;
}

static double random_bits(void) {
  uint64_t bits = test_random();
  double x;
  memcpy(&x, &bits, sizeof x);
  return x;
}

/* sign * 2^e * (1 + u) with e uniform in [low, high): every binade alike. */
static double log_uniform(int low, int high) {
  double x = ldexp(1.0 + uniform(), low + (int)test_random_below((uint64_t)(high - low)));
  return test_random() & 1 ? -x : x;
}

/* The error of got in ulps of the double (or float, float_format) nearest
 * to want; infinite when one is NaN or infinite and the other is not. */
static double ulp_error(double got, long double want, int float_format) {
  if (isnan(got) || isnan(want))
    return isnan(got) && isnan(want) ? 0 : INFINITY;
  long double rounded = float_format ? (long double)(float)want : (long double)(double)want;
  if (isinf(got) || isinf(rounded))
    return got == rounded ? 0 : INFINITY;
  int exponent;
  frexpl(fabsl(want), &exponent);
  int digits = float_format ? 24 : 53, lowest = float_format ? -149 : -1074;
  int ulp_exponent = exponent - digits < lowest ? lowest : exponent - digits;
  return (double)(fabsl((long double)got - want) / ldexpl(1.0L, ulp_exponent));
}

struct tally {
  const char *name;
  double bound;
  int errno_noted; /* errno differences are printed, not failed */
  long count;
  double worst;
  double worst_x, worst_y;
  long errno_differences;
  double errno_x, errno_y;
  int errno_ours, errno_glibc;
};

static void print_tally(const struct tally *t, int binary) {
  char input[80];
  if (binary)
    snprintf(input, sizeof input, "%a, %a", t->worst_x, t->worst_y);
  else
    snprintf(input, sizeof input, "%a", t->worst_x);
  printf("  %-7s worst %.3f ulp (bound %.1f) over %ld inputs, at %s\n", t->name, t->worst, t->bound,
         t->count, input);
  if (t->errno_differences)
    printf("          errno differs from glibc's on %ld inputs, first at %a, %a (%d, glibc %d)\n",
           t->errno_differences, t->errno_x, t->errno_y, t->errno_ours, t->errno_glibc);
  char ours[32], bound[32];
  snprintf(ours, sizeof ours, "%.3f ulp", t->worst);
  snprintf(bound, sizeof bound, "at most %.1f ulp", t->bound);
  check_case(t->worst <= t->bound, t->name, input, ours, bound);
}

/* One input: the error, and against glibc's double result the kind of value
 * (NaN, infinity, the sign of zero) and errno when the results agree. */
static void measure(struct tally *t, double x, double y, double ours, int our_errno, double glibc,
                    int glibc_errno, long double reference, int float_format) {
  ++t->count;
  int same = (isnan(ours) && isnan(glibc)) || !memcmp(&ours, &glibc, sizeof ours);
  /* glibc's own result is taken as right (powl, for one, misreads some
   * exponents beyond 2^63 that pow reads right). */
  double error = same ? 0 : ulp_error(ours, reference, float_format);
  if (error > t->worst) {
    t->worst = error;
    t->worst_x = x;
    t->worst_y = y;
  }
  int zero_sign_ok = !(ours == 0 && glibc == 0) || signbit(ours) == signbit(glibc);
  int kind_ok = isnan(ours) == isnan(glibc) && zero_sign_ok &&
                (!isinf(glibc) || ours == glibc || error <= t->bound);
  int errno_ok = !same || our_errno == glibc_errno;
  if (!errno_ok && t->errno_noted) {
    if (!t->errno_differences++) {
      t->errno_x = x;
      t->errno_y = y;
      t->errno_ours = our_errno;
      t->errno_glibc = glibc_errno;
    }
    errno_ok = 1;
  }
  if (kind_ok && errno_ok)
    return;
  char input[80], got[64], expected[64];
  snprintf(input, sizeof input, "%a, %a", x, y);
  snprintf(got, sizeof got, "%a errno %d", ours, our_errno);
  snprintf(expected, sizeof expected, "%a errno %d", glibc, glibc_errno);
  check_case(0, t->name, input, got, expected);
}

struct unary {
  const char *name;
  double (*ours)(double);
  double (*glibc)(double);
  long double (*reference)(long double);
  double bound;
  int errno_noted;
  double low, high;      /* a range worth sampling uniformly */
  int log_low, log_high; /* binades worth sampling */
};

static const double unary_edges[] = {0.0,
                                     -0.0,
                                     INFINITY,
                                     -INFINITY,
                                     NAN,
                                     0x1p-1074,
                                     -0x1p-1074,
                                     0x1p-1022,
                                     0x0.fffffffffffffp-1022,
                                     0x1.fffffffffffffp+1023,
                                     -0x1.fffffffffffffp+1023,
                                     1.0,
                                     -1.0,
                                     0x1.fffffffffffffp-1,
                                     0x1.0000000000001p+0,
                                     -0x1.fffffffffffffp-1,
                                     0.5,
                                     -0.5,
                                     2.0,
                                     -2.0,
                                     0x1p-26,
                                     0x1p-27,
                                     0x1p-28,
                                     0x1.fffffffffffffp-27,
                                     0x1.fffffffffffffp-28,
                                     0x1p28,
                                     0x1.0000000000001p28,
                                     0.55,
                                     0.3465,
                                     22.0,
                                     0x1.6000000000001p+4,
                                     709.0,
                                     709.78,
                                     709.79,
                                     710.4758600739439,
                                     710.475860073944,
                                     711.0,
                                     -745.1,
                                     -745.2,
                                     -746.0,
                                     1e300,
                                     -1e300,
                                     1e-300,
                                     3.0,
                                     0.25,
                                     0.75,
                                     0.1,
                                     10.0,
                                     100.0,
                                     1024.0};

static void run_unary(const struct unary *f, int float_format) {
  struct tally t = {f->name, f->bound, f->errno_noted, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  uint64_t edges = sizeof unary_edges / sizeof unary_edges[0];
  for (uint64_t i = 0; i < edges + 3 * RANDOM_INPUTS; ++i) {
    double x;
    if (i < edges)
      x = unary_edges[i];
    else if (i % 3 == 0)
      x = random_bits();
    else if (i % 3 == 1)
      x = f->low + (f->high - f->low) * uniform();
    else
      x = log_uniform(f->log_low, f->log_high);
    if (float_format)
      x = (float)x;
    libc_gpu_errno = 0;
    double ours = f->ours(x);
    int our_errno = libc_gpu_errno;
    errno = 0;
    double glibc = f->glibc(x);
    int glibc_errno = errno;
    long double reference = f->reference(x);
    measure(&t, x, 0, ours, our_errno, glibc, glibc_errno, reference, float_format);
  }
  print_tally(&t, 0);
}

struct binary {
  const char *name;
  double (*ours)(double, double);
  double (*glibc)(double, double);
  long double (*reference)(long double, long double);
  double bound;
  int errno_noted;
  /* Fills x, y with the i-th random input. */
  void (*pick)(uint64_t i, double *x, double *y);
};

static const double binary_edges[] = {0.0,
                                      -0.0,
                                      INFINITY,
                                      -INFINITY,
                                      NAN,
                                      1.0,
                                      -1.0,
                                      0.5,
                                      -0.5,
                                      2.0,
                                      -2.0,
                                      3.0,
                                      -3.0,
                                      0x1.fffffffffffffp-1,
                                      0x1.0000000000001p+0,
                                      -0x1.fffffffffffffp-1,
                                      0x1p-1074,
                                      -0x1p-1074,
                                      0x1p-1022,
                                      0x1.fffffffffffffp+1023,
                                      -0x1.fffffffffffffp+1023,
                                      0x1p53,
                                      -0x1p53,
                                      0x1p63,
                                      -0x1p63,
                                      0x1p52 + 1,
                                      -0x1p52 - 1,
                                      1e300,
                                      1e-300,
                                      1024.0,
                                      -1075.0,
                                      1.5,
                                      -2.5,
                                      0.1};

static void run_binary(const struct binary *f, int float_format) {
  struct tally t = {f->name, f->bound, f->errno_noted, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  uint64_t edges = sizeof binary_edges / sizeof binary_edges[0];
  for (uint64_t i = 0; i < edges * edges + 4 * RANDOM_INPUTS; ++i) {
    double x, y;
    if (i < edges * edges) {
      x = binary_edges[i / edges];
      y = binary_edges[i % edges];
    } else {
      f->pick(i, &x, &y);
    }
    if (float_format) {
      x = (float)x;
      y = (float)y;
    }
    libc_gpu_errno = 0;
    double ours = f->ours(x, y);
    int our_errno = libc_gpu_errno;
    errno = 0;
    double glibc = f->glibc(x, y);
    int glibc_errno = errno;
    long double reference = f->reference(x, y);
    measure(&t, x, y, ours, our_errno, glibc, glibc_errno, reference, float_format);
  }
  print_tally(&t, 1);
}

/* Bases over every binade with exponents that keep the result in (or just
 * out of) range, bases near 1 with large exponents, negative bases with
 * integer exponents, raw bits, and small numbers. */
static void pick_pow(uint64_t i, double *x, double *y) {
  switch (i % 5) {
  case 0:
    *x = random_bits();
    *y = random_bits();
    break;
  case 1:
    *x = fabs(log_uniform(-1074, 1024));
    *y = (-1100.0 + 2150.0 * uniform()) / log2(*x);
    break;
  case 2:
    *x = 1.0 + (uniform() - 0.5) * ldexp(1.0, -(int)test_random_below(50));
    *y = (-1100.0 + 2150.0 * uniform()) / log2(*x);
    break;
  case 3:
    *x = -fabs(log_uniform(-12, 12));
    *y = (double)((int64_t)test_random_below(2200) - 1100);
    break;
  default:
    *x = 10.0 * uniform();
    *y = -20.0 + 40.0 * uniform();
    break;
  }
}

static void pick_powf(uint64_t i, double *x, double *y) {
  pick_pow(i, x, y);
  if (i % 5 == 1 || i % 5 == 2) { /* keep float results in range */
    *x = (float)*x;
    *y = *y / 8.0;
  }
}

/* Quotients over every binade, gaps around the 60-binade cut, raw bits. */
static void pick_atan2(uint64_t i, double *x, double *y) {
  switch (i % 4) {
  case 0:
    *x = random_bits();
    *y = random_bits();
    break;
  case 1:
    *x = log_uniform(-1074, 1024);
    *y = log_uniform(-1074, 1024);
    break;
  case 2:
    *x = log_uniform(-300, 300);
    *y = *x * log_uniform(-70, 70);
    break;
  default:
    *x = -10.0 + 20.0 * uniform();
    *y = -10.0 + 20.0 * uniform();
    break;
  }
}

static void pick_hypot(uint64_t i, double *x, double *y) {
  if (i % 2) {
    *x = random_bits();
    *y = random_bits();
  } else {
    *x = log_uniform(-600, 600);
    *y = *x * log_uniform(-30, 30);
  }
}

static void pick_fmod(uint64_t i, double *x, double *y) {
  if (i % 2) {
    *x = random_bits();
    *y = random_bits();
  } else {
    *x = log_uniform(-100, 100);
    *y = log_uniform(-100, 100);
  }
}

/* The float functions through double signatures, against glibc's float
 * function and, as reference, its double one. */
#define FLOAT_UNARY(fn)                                                                            \
  static double ours_##fn(double x) {                                                              \
    return libc_gpu_##fn##f((float)x);                                                             \
  }                                                                                                \
  static double glibc_##fn(double x) {                                                             \
    return fn##f((float)x);                                                                        \
  }                                                                                                \
  static long double reference_##fn(long double x) {                                               \
    return fn((double)x);                                                                          \
  }
#define FLOAT_BINARY(fn)                                                                           \
  static double ours_##fn(double x, double y) {                                                    \
    return libc_gpu_##fn##f((float)x, (float)y);                                                   \
  }                                                                                                \
  static double glibc_##fn(double x, double y) {                                                   \
    return fn##f((float)x, (float)y);                                                              \
  }                                                                                                \
  static long double reference_##fn(long double x, long double y) {                                \
    return fn((double)x, (double)y);                                                               \
  }
FLOAT_UNARY(acos)
FLOAT_UNARY(asin)
FLOAT_UNARY(atan)
FLOAT_UNARY(cos)
FLOAT_UNARY(sin)
FLOAT_UNARY(tan)
FLOAT_UNARY(acosh)
FLOAT_UNARY(asinh)
FLOAT_UNARY(atanh)
FLOAT_UNARY(cosh)
FLOAT_UNARY(sinh)
FLOAT_UNARY(tanh)
FLOAT_UNARY(exp)
FLOAT_UNARY(exp2)
FLOAT_UNARY(exp10)
FLOAT_UNARY(expm1)
FLOAT_UNARY(log)
FLOAT_UNARY(log10)
FLOAT_UNARY(log1p)
FLOAT_UNARY(log2)
FLOAT_UNARY(cbrt)
FLOAT_UNARY(erf)
FLOAT_UNARY(erfc)
FLOAT_UNARY(lgamma)
FLOAT_UNARY(tgamma)
FLOAT_BINARY(atan2)
FLOAT_BINARY(hypot)
FLOAT_BINARY(pow)

/* lgamma, and signgam after it, against glibc's. Inputs near lgamma's zeros
 * on the negative axis (|lgamma x| < 1/16), where the reflection formula
 * leaves only an absolute error, are tallied apart. */
static void run_lgamma(void) {
  struct tally main_tally = {"lgamma", 2.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  struct tally zeros = {"lgamma0", LGAMMA_NEAR_ZERO_BOUND, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  uint64_t edges = sizeof unary_edges / sizeof unary_edges[0];
  long sign_differences = 0;
  for (uint64_t i = 0; i < edges + 6 * RANDOM_INPUTS; ++i) {
    double x;
    if (i < edges)
      x = unary_edges[i];
    else if (i % 6 == 0)
      x = random_bits();
    else if (i % 6 == 1)
      x = -30.0 + 60.0 * uniform();
    else if (i % 6 == 2)
      x = log_uniform(-60, 1024);
    else if (i % 6 == 3)
      x = (test_random() & 1 ? 1.0 : 2.0) + log_uniform(-60, -1); /* lgamma's zeros */
    else if (i % 6 == 4)
      x = -(double)test_random_below(180) + log_uniform(-60, -1); /* the poles */
    else
      x = -6.0 + 6.0 * uniform(); /* the first negative zeros */
    libc_gpu_errno = 0;
    libc_gpu_signgam = 0;
    double ours = libc_gpu_lgamma(x);
    int our_errno = libc_gpu_errno, our_sign = libc_gpu_signgam;
    errno = 0;
    signgam = 0;
    double glibc = lgamma(x);
    int glibc_errno = errno, glibc_sign = signgam;
    long double reference = lgammal(x);
    struct tally *t = x < 0 && fabsl(reference) < 0.0625L ? &zeros : &main_tally;
    measure(t, x, 0, ours, our_errno, glibc, glibc_errno, reference, 0);
    if (our_sign != glibc_sign && !sign_differences++) {
      char input[40], got[20], expected[20];
      snprintf(input, sizeof input, "%a", x);
      snprintf(got, sizeof got, "signgam %d", our_sign);
      snprintf(expected, sizeof expected, "signgam %d", glibc_sign);
      check_case(0, "lgamma", input, got, expected);
    }
  }
  print_tally(&main_tally, 0);
  print_tally(&zeros, 0);
  printf("          signgam differs from glibc's on %ld inputs\n", sign_differences);
}

int main(int argc, char **argv) {
  if (argc > 1)
    scale = strtoull(argv[1], NULL, 10);
  if (scale == 0)
    scale = 1;

  /* libc_gpu's own (src/math): faithful (< 1 ulp) for the inverse
   * trigonometric functions, pow, cbrt and exp10, 2 ulp for the hyperbolic
   * ones; powf through pow (its float result against glibc's double pow). */
  static const struct unary own_unary[] = {
      {"atan", libc_gpu_atan, atan, atanl, 1.0, 0, -20, 20, -60, 60},
      {"asin", libc_gpu_asin, asin, asinl, 1.0, 0, -1, 1, -60, 0},
      {"acos", libc_gpu_acos, acos, acosl, 1.0, 0, -1, 1, -60, 0},
      {"sinh", libc_gpu_sinh, sinh, sinhl, 2.0, 0, -720, 720, -40, 10},
      {"cosh", libc_gpu_cosh, cosh, coshl, 2.0, 0, -720, 720, -40, 10},
      {"tanh", libc_gpu_tanh, tanh, tanhl, 2.0, 0, -25, 25, -40, 5},
      {"asinh", libc_gpu_asinh, asinh, asinhl, 2.0, 0, -1000, 1000, -40, 40},
      {"acosh", libc_gpu_acosh, acosh, acoshl, 2.0, 0, 1, 1000, 0, 40},
      {"atanh", libc_gpu_atanh, atanh, atanhl, 2.0, 0, -1, 1, -40, 0},
      {"cbrt", libc_gpu_cbrt, cbrt, cbrtl, 1.0, 0, -10, 10, -1074, 1024},
      {"exp10", libc_gpu_exp10, exp10, exp10l, 1.0, 0, -324, 309, -60, 9},
      {"erf", libc_gpu_erf, erf, erfl, 1.5, 0, -7, 7, -60, 3},
      {"erfc", libc_gpu_erfc, erfc, erfcl, 1.5, 0, -7, 28, -60, 5},
      {"tgamma", libc_gpu_tgamma, tgamma, tgammal, 2.0, 0, -190, 172, -60, 8},
  };
  static const struct binary own_binary[] = {
      {"pow", libc_gpu_pow, pow, powl, 1.0, 0, pick_pow},
      {"atan2", libc_gpu_atan2, atan2, atan2l, 1.0, 0, pick_atan2},
  };
  printf("libc_gpu's double functions (ulp error against glibc's long double):\n");
  for (size_t i = 0; i < sizeof own_unary / sizeof own_unary[0]; ++i)
    run_unary(&own_unary[i], 0);
  for (size_t i = 0; i < sizeof own_binary / sizeof own_binary[0]; ++i)
    run_binary(&own_binary[i], 0);
  run_lgamma();
  static const struct binary own_powf = {"powf", ours_pow, glibc_pow, reference_pow,
                                         1.0,    0,        pick_powf};
  run_binary(&own_powf, 1);
  check_section("libc_gpu's double math against glibc");

  /* LLVM libc's, which say they are correctly rounded: checks that our build
   * of them (flags, errno, the renamed entry points) is sound. */
  static const struct unary llvm_unary[] = {
      {"exp", libc_gpu_exp, exp, expl, 1.0, 1, -746, 710, -60, 10},
      {"exp2", libc_gpu_exp2, exp2, exp2l, 1.0, 1, -1076, 1025, -60, 11},
      {"expm1", libc_gpu_expm1, expm1, expm1l, 1.0, 1, -40, 710, -60, 10},
      {"log", libc_gpu_log, log, logl, 1.0, 1, 0, 4, -1074, 1024},
      {"log2", libc_gpu_log2, log2, log2l, 1.0, 1, 0, 4, -1074, 1024},
      {"log10", libc_gpu_log10, log10, log10l, 1.0, 1, 0, 4, -1074, 1024},
      {"log1p", libc_gpu_log1p, log1p, log1pl, 1.0, 1, -1, 4, -60, 1024},
      {"sin", libc_gpu_sin, sin, sinl, 1.0, 1, -10, 10, -60, 1024},
      {"cos", libc_gpu_cos, cos, cosl, 1.0, 1, -10, 10, -60, 1024},
      {"tan", libc_gpu_tan, tan, tanl, 1.0, 1, -10, 10, -60, 1024},
  };
  static const struct binary llvm_binary[] = {
      {"hypot", libc_gpu_hypot, hypot, hypotl, 1.0, 1, pick_hypot},
      {"fmod", libc_gpu_fmod, fmod, fmodl, 0.0, 1, pick_fmod},
  };
  printf("LLVM libc's double functions:\n");
  for (size_t i = 0; i < sizeof llvm_unary / sizeof llvm_unary[0]; ++i)
    run_unary(&llvm_unary[i], 0);
  for (size_t i = 0; i < sizeof llvm_binary / sizeof llvm_binary[0]; ++i)
    run_binary(&llvm_binary[i], 0);
  check_section("LLVM libc's double math against glibc");

#define F(f, bound, low, high, log_low, log_high)                                                  \
  { #f "f", ours_##f, glibc_##f, reference_##f, bound, 1, low, high, log_low, log_high }
  static const struct unary float_unary[] = {
      F(acos, 1.0, -1, 1, -30, 0),      F(asin, 1.0, -1, 1, -30, 0),
      F(atan, 1.0, -20, 20, -30, 30),   F(cos, 1.0, -10, 10, -30, 128),
      F(sin, 1.0, -10, 10, -30, 128),   F(tan, 1.0, -10, 10, -30, 128),
      F(acosh, 1.0, 1, 1000, 0, 128),   F(asinh, 1.0, -1000, 1000, -30, 128),
      F(atanh, 1.0, -1, 1, -30, 0),     F(cosh, 1.0, -90, 90, -30, 7),
      F(sinh, 1.0, -90, 90, -30, 7),    F(tanh, 1.0, -10, 10, -30, 5),
      F(exp, 1.0, -104, 89, -30, 7),    F(exp2, 1.0, -150, 128, -30, 8),
      F(exp10, 1.0, -45, 39, -30, 6),   F(expm1, 1.0, -20, 89, -30, 7),
      F(log, 1.0, 0, 4, -149, 128),     F(log10, 1.0, 0, 4, -149, 128),
      F(log1p, 1.0, -1, 4, -30, 128),   F(log2, 1.0, 0, 4, -149, 128),
      F(cbrt, 1.0, -10, 10, -149, 128), F(erf, 1.0, -5, 5, -30, 3),
  };
  static const struct unary own_float_unary[] = {
      F(erfc, 1.0, -5, 11, -30, 4),
      F(lgamma, 1.0, -40, 40, -30, 128),
      F(tgamma, 1.0, -45, 36, -30, 6),
  };
#undef F
  static const struct binary float_binary[] = {
      {"atan2f", ours_atan2, glibc_atan2, reference_atan2, 1.0, 1, pick_atan2},
      {"hypotf", ours_hypot, glibc_hypot, reference_hypot, 1.0, 1, pick_hypot},
  };
  printf("LLVM libc's float functions (ulp error against glibc's double):\n");
  for (size_t i = 0; i < sizeof float_unary / sizeof float_unary[0]; ++i)
    run_unary(&float_unary[i], 1);
  for (size_t i = 0; i < sizeof float_binary / sizeof float_binary[0]; ++i)
    run_binary(&float_binary[i], 1);
  check_section("LLVM libc's float math against glibc");
  printf("libc_gpu's float functions through its double ones (against glibc's double):\n");
  for (size_t i = 0; i < sizeof own_float_unary / sizeof own_float_unary[0]; ++i)
    run_unary(&own_float_unary[i], 1);
  check_section("libc_gpu's float math against glibc");
  return check_summary();
}
