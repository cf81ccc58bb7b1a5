/* math.h on the host target: only what x86-64 does in a few instructions.
 * The rest (sin, pow, ...) comes later with LLVM libc's math; calling it now
 * fails at link time, which is better than a wrong result.
 *
 * The baseline x86-64 has no rounding instruction (roundsd is SSE4.1), and
 * clang would turn __builtin_floor into a call to floor itself, so rounding
 * works on the bits. */
#include <math.h>
#include <stdint.h>
#include <string.h>

static uint64_t bits_of(double x) {
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  return bits;
}

static double double_of(uint64_t bits) {
  double x;
  memcpy(&x, &bits, sizeof x);
  return x;
}

static uint32_t bits_of_float(float x) {
  uint32_t bits;
  memcpy(&bits, &x, sizeof bits);
  return bits;
}

static float float_of(uint32_t bits) {
  float x;
  memcpy(&x, &bits, sizeof x);
  return x;
}

double sqrt(double x) {
  return __builtin_elementwise_sqrt(x);
}
float sqrtf(float x) {
  return __builtin_elementwise_sqrt(x);
}
double fabs(double x) {
  return __builtin_fabs(x);
}
float fabsf(float x) {
  return __builtin_fabsf(x);
}
double copysign(double x, double y) {
  return __builtin_copysign(x, y);
}
float copysignf(float x, float y) {
  return __builtin_copysignf(x, y);
}

double trunc(double x) {
  uint64_t bits = bits_of(x);
  int exponent = (int)(bits >> 52 & 0x7ff) - 1023;
  if (exponent >= 52)
    return x; /* already whole, or inf or nan */
  if (exponent < 0)
    return double_of(bits & (1ull << 63));
  return double_of(bits & ~((1ull << (52 - exponent)) - 1));
}

float truncf(float x) {
  uint32_t bits = bits_of_float(x);
  int exponent = (int)(bits >> 23 & 0xff) - 127;
  if (exponent >= 23)
    return x;
  if (exponent < 0)
    return float_of(bits & (1u << 31));
  return float_of(bits & ~((1u << (23 - exponent)) - 1));
}

double floor(double x) {
  double whole = trunc(x);
  return whole > x ? whole - 1.0 : whole;
}

float floorf(float x) {
  float whole = truncf(x);
  return whole > x ? whole - 1.0f : whole;
}

double ceil(double x) {
  double whole = trunc(x);
  return whole < x ? whole + 1.0 : whole;
}

float ceilf(float x) {
  float whole = truncf(x);
  return whole < x ? whole + 1.0f : whole;
}

/* Adding and removing 2^52 leaves a whole number rounded in the current
 * rounding mode, as rint must. */
double rint(double x) {
  double magnitude = __builtin_fabs(x);
  if (!(magnitude < 0x1p52))
    return x;
  return __builtin_copysign((magnitude + 0x1p52) - 0x1p52, x);
}

float rintf(float x) {
  float magnitude = __builtin_fabsf(x);
  if (!(magnitude < 0x1p23f))
    return x;
  return __builtin_copysignf((magnitude + 0x1p23f) - 0x1p23f, x);
}

/* A NaN argument loses to a number; -0 is smaller than +0. */
double fmin(double x, double y) {
  if (x != x)
    return y;
  if (y != y)
    return x;
  if (x == y)
    return __builtin_signbit(x) ? x : y;
  return x < y ? x : y;
}

float fminf(float x, float y) {
  if (x != x)
    return y;
  if (y != y)
    return x;
  if (x == y)
    return __builtin_signbit(x) ? x : y;
  return x < y ? x : y;
}

double fmax(double x, double y) {
  if (x != x)
    return y;
  if (y != y)
    return x;
  if (x == y)
    return __builtin_signbit(x) ? y : x;
  return x > y ? x : y;
}

float fmaxf(float x, float y) {
  if (x != x)
    return y;
  if (y != y)
    return x;
  if (x == y)
    return __builtin_signbit(x) ? y : x;
  return x > y ? x : y;
}
