/* Math functions. GPU targets get them from the vendor's device libraries
 * (ROCm Device Libs on AMDGPU, libdevice on NVPTX); the host target has only
 * those the CPU does in a few instructions until LLVM libc's math arrives. */
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
 * the backends cannot lower, or lower approximately (AMDGPU's sinf). Under
 * another symbol name they stay calls to the device libraries' accurate
 * versions. Exactly rounded operations (sqrt, floor, fmin, ...) keep their
 * names: their intrinsics become single instructions. */
#if defined(__NVPTX__) || defined(__AMDGPU__)
#define __LIBC_MATH_SYMBOL(name) __asm__("__gpuvm_" #name)
#else
#define __LIBC_MATH_SYMBOL(name)
#endif

__LIBC_BEGIN_DECLS

typedef float float_t;
typedef double double_t;

double sin(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(sin);
double cos(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(cos);
double tan(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(tan);
double asin(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(asin);
double acos(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(acos);
double atan(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(atan);
double sinh(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(sinh);
double cosh(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(cosh);
double tanh(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(tanh);
double exp(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(exp);
double exp2(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(exp2);
double log(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(log);
double log2(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(log2);
double log10(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(log10);
double sqrt(double x) __LIBC_NOEXCEPT;
double cbrt(double x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(cbrt);
double fabs(double x) __LIBC_NOEXCEPT;
double floor(double x) __LIBC_NOEXCEPT;
double ceil(double x) __LIBC_NOEXCEPT;
double trunc(double x) __LIBC_NOEXCEPT;
double round(double x) __LIBC_NOEXCEPT;
double rint(double x) __LIBC_NOEXCEPT;
double atan2(double x, double y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(atan2);
double pow(double x, double y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(pow);
double fmod(double x, double y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(fmod);
double hypot(double x, double y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(hypot);
double fmin(double x, double y) __LIBC_NOEXCEPT;
double fmax(double x, double y) __LIBC_NOEXCEPT;
double copysign(double x, double y) __LIBC_NOEXCEPT;
double ldexp(double x, int exponent) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(ldexp);
double frexp(double x, int *exponent) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(frexp);
double modf(double x, double *integral_part) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(modf);

float sinf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(sinf);
float cosf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(cosf);
float tanf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(tanf);
float asinf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(asinf);
float acosf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(acosf);
float atanf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(atanf);
float sinhf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(sinhf);
float coshf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(coshf);
float tanhf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(tanhf);
float expf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(expf);
float exp2f(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(exp2f);
float logf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(logf);
float log2f(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(log2f);
float log10f(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(log10f);
float sqrtf(float x) __LIBC_NOEXCEPT;
float cbrtf(float x) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(cbrtf);
float fabsf(float x) __LIBC_NOEXCEPT;
float floorf(float x) __LIBC_NOEXCEPT;
float ceilf(float x) __LIBC_NOEXCEPT;
float truncf(float x) __LIBC_NOEXCEPT;
float roundf(float x) __LIBC_NOEXCEPT;
float rintf(float x) __LIBC_NOEXCEPT;
float atan2f(float x, float y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(atan2f);
float powf(float x, float y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(powf);
float fmodf(float x, float y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(fmodf);
float hypotf(float x, float y) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(hypotf);
float fminf(float x, float y) __LIBC_NOEXCEPT;
float fmaxf(float x, float y) __LIBC_NOEXCEPT;
float copysignf(float x, float y) __LIBC_NOEXCEPT;
float ldexpf(float x, int exponent) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(ldexpf);
float frexpf(float x, int *exponent) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(frexpf);
float modff(float x, float *integral_part) __LIBC_NOEXCEPT __LIBC_MATH_SYMBOL(modff);

__LIBC_END_DECLS

#endif
