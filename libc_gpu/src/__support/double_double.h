/* Double-double arithmetic for the math functions that LLVM libc 19 lacks:
 * a value is an unevaluated sum hi + lo of two doubles with |lo| <= ulp(hi)/2,
 * about 106 bits. Each operation is exact or says how it rounds. Everything
 * here assumes round-to-nearest. */
#ifndef LIBC_GPU_SUPPORT_DOUBLE_DOUBLE_H
#define LIBC_GPU_SUPPORT_DOUBLE_DOUBLE_H

#include <stdint.h>

/* The GPUs and x86-64 with FMA multiply-add in one rounding; the baseline
 * x86-64 has no such instruction, and __builtin_fma would be a call to the
 * software fma there. */
#if defined(__NVPTX__) || defined(__AMDGPU__) || defined(__FMA__)
#define __DD_HAS_FMA 1
#else
#define __DD_HAS_FMA 0
#endif

typedef struct {
  double hi;
  double lo;
} __dd;

static inline uint64_t __dd_bits(double x) {
  uint64_t bits;
  __builtin_memcpy(&bits, &x, sizeof bits);
  return bits;
}

static inline double __dd_double(uint64_t bits) {
  double x;
  __builtin_memcpy(&x, &bits, sizeof x);
  return x;
}

/* The square root instruction, for x >= 0. Clang's elementwise builtin stays
 * the instruction whatever -fmath-errno says; __builtin_sqrt would keep a call
 * to sqrt for negative x. (GCC, which builds the host tests, lacks it.) */
static inline double __dd_sqrt_double(double x) {
#ifdef __clang__
  return __builtin_elementwise_sqrt(x);
#else
  return __builtin_sqrt(x);
#endif
}

/* a * b + c: one rounding where the hardware has it, two elsewhere. For
 * polynomial steps, where either is accurate enough. */
static inline double __dd_mul_add(double a, double b, double c) {
#if __DD_HAS_FMA
  return __builtin_fma(a, b, c);
#else
  return a * b + c;
#endif
}

/* a + b exactly, when |a| >= |b| (or a is zero). */
static inline __dd __dd_fast_two_sum(double a, double b) {
  double s = a + b;
  __dd r = {s, b - (s - a)};
  return r;
}

/* a + b exactly, whatever their magnitudes. */
static inline __dd __dd_two_sum(double a, double b) {
  double s = a + b;
  double b_part = s - a;
  double a_part = s - b_part;
  __dd r = {s, (a - a_part) + (b - b_part)};
  return r;
}

/* a * b exactly (barring overflow and underflow). Without FMA, Veltkamp's
 * split cuts each factor into two 26-bit halves whose products are exact. */
static inline __dd __dd_two_prod(double a, double b) {
  double p = a * b;
#if __DD_HAS_FMA
  __dd r = {p, __builtin_fma(a, b, -p)};
#else
  const double splitter = 0x1p27 + 1.0;
  double ta = splitter * a, tb = splitter * b;
  double a_hi = ta - (ta - a), b_hi = tb - (tb - b);
  double a_lo = a - a_hi, b_lo = b - b_hi;
  __dd r = {p, ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo};
#endif
  return r;
}

/* x + y, relative error about 2^-104. */
static inline __dd __dd_add(__dd x, __dd y) {
  __dd s = __dd_two_sum(x.hi, y.hi);
  return __dd_fast_two_sum(s.hi, s.lo + (x.lo + y.lo));
}

/* x + b for a double b. */
static inline __dd __dd_add_double(__dd x, double b) {
  __dd s = __dd_two_sum(x.hi, b);
  return __dd_fast_two_sum(s.hi, s.lo + x.lo);
}

/* x * y, relative error about 2^-104. */
static inline __dd __dd_mul(__dd x, __dd y) {
  __dd p = __dd_two_prod(x.hi, y.hi);
  return __dd_fast_two_sum(p.hi, p.lo + (x.hi * y.lo + x.lo * y.hi));
}

/* x * b for a double b. */
static inline __dd __dd_mul_double(__dd x, double b) {
  __dd p = __dd_two_prod(x.hi, b);
  return __dd_fast_two_sum(p.hi, p.lo + x.lo * b);
}

/* x / y, relative error about 2^-104: the quotient of the high parts,
 * corrected by the remainder it leaves. */
static inline __dd __dd_div(__dd x, __dd y) {
  double q = x.hi / y.hi;
  __dd p = __dd_two_prod(q, y.hi);
  double remainder = ((x.hi - p.hi) - p.lo) + x.lo - q * y.lo;
  return __dd_fast_two_sum(q, remainder / y.hi);
}

/* sqrt(x) for x.hi > 0, relative error about 2^-104: one Newton step from
 * the double square root, whose square is exact in double-double. */
static inline __dd __dd_sqrt(__dd x) {
  double s = __dd_sqrt_double(x.hi);
  __dd square = __dd_two_prod(s, s);
  double correction = ((x.hi - square.hi) - square.lo + x.lo) / (2.0 * s);
  return __dd_fast_two_sum(s, correction);
}

#endif
