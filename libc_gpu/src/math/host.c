/* math.h on the host target: only what x86-64 does in a few instructions.
 * The rest (sin, pow, ...) comes later with LLVM libc's math; calling it now
 * fails at link time, which is better than a wrong result.
 *
 * The baseline x86-64 has no rounding instruction (roundsd is SSE4.1), and
 * clang would turn __builtin_floor into a call to floor itself, so rounding
 * works on the bits. */
#include <math.h>
#include <stdint.h>

/* __builtin_memcpy, because libc_gpu is built freestanding, where memcpy is
 * a real call; the builtin is a register move. */
static uint64_t bits_of(double x) {
  uint64_t bits;
  __builtin_memcpy(&bits, &x, sizeof bits);
  return bits;
}

static double double_of(uint64_t bits) {
  double x;
  __builtin_memcpy(&x, &bits, sizeof x);
  return x;
}

static uint32_t bits_of_float(float x) {
  uint32_t bits;
  __builtin_memcpy(&bits, &x, sizeof bits);
  return bits;
}

static float float_of(uint32_t bits) {
  float x;
  __builtin_memcpy(&x, &bits, sizeof x);
  return x;
}

/* The elementwise builtin is the sqrtsd instruction whatever -fmath-errno
 * says; __builtin_sqrt would call sqrt, this very function, for x < 0. (GCC,
 * which builds the host tests, lacks it; there the call goes to glibc.) */
#ifdef __clang__
double sqrt(double x) {
  return __builtin_elementwise_sqrt(x);
}
float sqrtf(float x) {
  return __builtin_elementwise_sqrt(x);
}
#else
double sqrt(double x) {
  return __builtin_sqrt(x);
}
float sqrtf(float x) {
  return __builtin_sqrtf(x);
}
#endif
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

static int is_signaling(double x) {
  uint64_t bits = bits_of(x);
  return (bits & 0x7ff0000000000000ull) == 0x7ff0000000000000ull &&
         (bits & 0x000fffffffffffffull) && !(bits & 0x0008000000000000ull);
}

static int is_signaling_float(float x) {
  uint32_t bits = bits_of_float(x);
  return (bits & 0x7f800000u) == 0x7f800000u && (bits & 0x007fffffu) && !(bits & 0x00400000u);
}

/* A quiet NaN loses to a number and a signaling one wins, as in glibc (IEEE
 * 754-2008 minNum); -0 counts as smaller than +0. */
double fmin(double x, double y) {
  if (is_signaling(x) || is_signaling(y))
    return x + y;
  if (x != x)
    return y;
  if (y != y)
    return x;
  if (x == y)
    return __builtin_signbit(x) ? x : y;
  return x < y ? x : y;
}

float fminf(float x, float y) {
  if (is_signaling_float(x) || is_signaling_float(y))
    return x + y;
  if (x != x)
    return y;
  if (y != y)
    return x;
  if (x == y)
    return __builtin_signbit(x) ? x : y;
  return x < y ? x : y;
}

double fmax(double x, double y) {
  if (is_signaling(x) || is_signaling(y))
    return x + y;
  if (x != x)
    return y;
  if (y != y)
    return x;
  if (x == y)
    return __builtin_signbit(x) ? y : x;
  return x > y ? x : y;
}

float fmaxf(float x, float y) {
  if (is_signaling_float(x) || is_signaling_float(y))
    return x + y;
  if (x != x)
    return y;
  if (y != y)
    return x;
  if (x == y)
    return __builtin_signbit(x) ? y : x;
  return x > y ? x : y;
}
