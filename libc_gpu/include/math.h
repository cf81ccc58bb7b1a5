/* Math functions. The host and NVPTX get LLVM libc 19's own math
 * (libc/src/math/generic, compiled unchanged into libm.a) and, for what that
 * release lacks (pow, atan2, asin, the hyperbolic functions, ...),
 * libc_gpu's own (src/math); AMDGPU gets ROCm Device Libs (ocml). */
#ifndef __LIBC_GPU_MATH_H
#define __LIBC_GPU_MATH_H

#include <__libc_gpu/common.h>

#define HUGE_VAL __builtin_huge_val()
#define HUGE_VALF __builtin_huge_valf()
#define HUGE_VALL __builtin_huge_vall()
#define INFINITY __builtin_inff()
#define NAN __builtin_nanf("")

#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4

/* What ilogb returns for zero and NaN: INT_MIN for both, as glibc on x86-64. */
#define FP_ILOGB0 (-2147483647 - 1)
#define FP_ILOGBNAN (-2147483647 - 1)

/* The host sets errno (EDOM, ERANGE) and raises the floating-point
 * exceptions, as glibc does. On the GPUs neither LLVM libc (NVPTX) nor ocml
 * (AMDGPU) sets errno, and there is no floating-point environment to read:
 * LLVM libc's own headers say 0 there too. */
#define MATH_ERRNO 1
#define MATH_ERREXCEPT 2
#if defined(__NVPTX__) || defined(__AMDGPU__)
#define math_errhandling 0
#else
#define math_errhandling (MATH_ERRNO | MATH_ERREXCEPT)
#endif

#define fpclassify(x) __builtin_fpclassify(FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO, x)
#define isnan(x) __builtin_isnan(x)
#define isinf(x) __builtin_isinf(x)
#define isfinite(x) __builtin_isfinite(x)
#define isnormal(x) __builtin_isnormal(x)
#define signbit(x) __builtin_signbit(x)
#define isgreater(x, y) __builtin_isgreater(x, y)
#define isgreaterequal(x, y) __builtin_isgreaterequal(x, y)
#define isless(x, y) __builtin_isless(x, y)
#define islessequal(x, y) __builtin_islessequal(x, y)
#define islessgreater(x, y) __builtin_islessgreater(x, y)
#define isunordered(x, y) __builtin_isunordered(x, y)

#define M_E 2.7182818284590452354
#define M_LOG2E 1.4426950408889634074
#define M_LOG10E 0.43429448190325182765
#define M_LN2 0.69314718055994530942
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.78539816339744830962
#define M_1_PI 0.31830988618379067154
#define M_2_PI 0.63661977236758134308
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.70710678118654752440

/* On the GPUs clang turns calls to these functions into LLVM intrinsics that
 * the backends cannot lower, or lower approximately (AMDGPU's sinf, NVPTX's
 * frem for fmod). Under another symbol name they stay calls to the math
 * library's accurate versions. Exactly rounded operations (sqrt, floor,
 * fmin, ...) keep their names: their intrinsics become single instructions. */
#if defined(__NVPTX__) || defined(__AMDGPU__)
#define __LIBC_MATH_SYMBOL(name) __asm__("__gpuvm_" #name)
#else
#define __LIBC_MATH_SYMBOL(name)
#endif

__LIBC_BEGIN_DECLS

typedef float float_t;
typedef double double_t;

/* Correctly rounded operations that the GPUs do in one instruction keep
 * their names, and clang's builtins for them. */
double sqrt(double x) __LIBC_NOEXCEPT;
double fabs(double x) __LIBC_NOEXCEPT;
double floor(double x) __LIBC_NOEXCEPT;
double ceil(double x) __LIBC_NOEXCEPT;
double trunc(double x) __LIBC_NOEXCEPT;
double round(double x) __LIBC_NOEXCEPT;
double rint(double x) __LIBC_NOEXCEPT;
double nearbyint(double x) __LIBC_NOEXCEPT;
double fmin(double x, double y) __LIBC_NOEXCEPT;
double fmax(double x, double y) __LIBC_NOEXCEPT;
double copysign(double x, double y) __LIBC_NOEXCEPT;
double fma(double x, double y, double z) __LIBC_NOEXCEPT;
float sqrtf(float x) __LIBC_NOEXCEPT;
float fabsf(float x) __LIBC_NOEXCEPT;
float floorf(float x) __LIBC_NOEXCEPT;
float ceilf(float x) __LIBC_NOEXCEPT;
float truncf(float x) __LIBC_NOEXCEPT;
float roundf(float x) __LIBC_NOEXCEPT;
float rintf(float x) __LIBC_NOEXCEPT;
float nearbyintf(float x) __LIBC_NOEXCEPT;
float fminf(float x, float y) __LIBC_NOEXCEPT;
float fmaxf(float x, float y) __LIBC_NOEXCEPT;
float copysignf(float x, float y) __LIBC_NOEXCEPT;
float fmaf(float x, float y, float z) __LIBC_NOEXCEPT;

/* The rest go by __gpuvm_ names on the GPUs (libc_gpu/math/gpu_symbols.h
 * gives LLVM libc's definitions the same names there). */
double acos(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(acos);
double asin(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(asin);
double atan(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(atan);
double atan2(double y, double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(atan2);
double cos(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(cos);
double sin(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(sin);
double tan(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(tan);
double acosh(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(acosh);
double asinh(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(asinh);
double atanh(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(atanh);
double cosh(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(cosh);
double sinh(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(sinh);
double tanh(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(tanh);
double exp(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(exp);
double exp2(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(exp2);
double exp10(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(exp10);
double expm1(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(expm1);
double frexp(double x, int *exponent) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(frexp);
int ilogb(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(ilogb);
double ldexp(double x, int exponent) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(ldexp);
double log(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(log);
double log10(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(log10);
double log1p(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(log1p);
double log2(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(log2);
double logb(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(logb);
double modf(double x, double *integral_part) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(modf);
double scalbn(double x, int exponent) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(scalbn);
double scalbln(double x, long exponent) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(scalbln);
double cbrt(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(cbrt);
double hypot(double x, double y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(hypot);
double pow(double x, double y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(pow);
double erf(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(erf);
double erfc(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(erfc);
double lgamma(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(lgamma);
double tgamma(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(tgamma);
long lrint(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(lrint);
long long llrint(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(llrint);
long lround(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(lround);
long long llround(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(llround);
double fmod(double x, double y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(fmod);
double remainder(double x, double y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(remainder);
double remquo(double x, double y, int *quotient) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(remquo);
double nan(const char *tag) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(nan);
double nextafter(double x, double y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(nextafter);
double nexttoward(double x, long double y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(nexttoward);
double fdim(double x, double y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(fdim);
void sincos(double x, double *sin_x, double *cos_x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(sincos);

float acosf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(acosf);
float asinf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(asinf);
float atanf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(atanf);
float atan2f(float y, float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(atan2f);
float cosf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(cosf);
float sinf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(sinf);
float tanf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(tanf);
float acoshf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(acoshf);
float asinhf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(asinhf);
float atanhf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(atanhf);
float coshf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(coshf);
float sinhf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(sinhf);
float tanhf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(tanhf);
float expf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(expf);
float exp2f(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(exp2f);
float exp10f(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(exp10f);
float expm1f(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(expm1f);
float frexpf(float x, int *exponent) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(frexpf);
int ilogbf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(ilogbf);
float ldexpf(float x, int exponent) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(ldexpf);
float logf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(logf);
float log10f(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(log10f);
float log1pf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(log1pf);
float log2f(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(log2f);
float logbf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(logbf);
float modff(float x, float *integral_part) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(modff);
float scalbnf(float x, int exponent) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(scalbnf);
float scalblnf(float x, long exponent) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(scalblnf);
float cbrtf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(cbrtf);
float hypotf(float x, float y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(hypotf);
float powf(float x, float y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(powf);
float erff(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(erff);
float erfcf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(erfcf);
float lgammaf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(lgammaf);
float tgammaf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(tgammaf);
long lrintf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(lrintf);
long long llrintf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(llrintf);
long lroundf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(lroundf);
long long llroundf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(llroundf);
float fmodf(float x, float y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(fmodf);
float remainderf(float x, float y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(remainderf);
float remquof(float x, float y, int *quotient) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(remquof);
float nanf(const char *tag) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(nanf);
float nextafterf(float x, float y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(nextafterf);
float nexttowardf(float x, long double y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(nexttowardf);
float fdimf(float x, float y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(fdimf);
void sincosf(float x, float *sin_x, float *cos_x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(sincosf);

/* The sign of gamma(x) after lgamma(x) and lgammaf(x): 1 or -1. */
extern int signgam;

/* long double (x87's 80 bits on the host, a double on GPU targets): only
 * these two, which servers call; exact on every target. */
long double ceill(long double x) __LIBC_NOEXCEPT;
long long llroundl(long double x) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
