/* math.h on AMDGPU: ROCm Device Libs (ocml), which gpu-c++ links into the
 * image as bitcode when something calls them. */
#include <math.h>

/* ocml's out-parameters point to private (per-thread stack) memory. */
#define PRIVATE __attribute__((address_space(5)))

double __ocml_sin_f64(double);
double __ocml_cos_f64(double);
double __ocml_tan_f64(double);
double __ocml_asin_f64(double);
double __ocml_acos_f64(double);
double __ocml_atan_f64(double);
double __ocml_sinh_f64(double);
double __ocml_cosh_f64(double);
double __ocml_tanh_f64(double);
double __ocml_exp_f64(double);
double __ocml_exp2_f64(double);
double __ocml_log_f64(double);
double __ocml_log2_f64(double);
double __ocml_log10_f64(double);
double __ocml_sqrt_f64(double);
double __ocml_cbrt_f64(double);
double __ocml_fabs_f64(double);
double __ocml_floor_f64(double);
double __ocml_ceil_f64(double);
double __ocml_trunc_f64(double);
double __ocml_round_f64(double);
double __ocml_rint_f64(double);
double __ocml_atan2_f64(double, double);
double __ocml_pow_f64(double, double);
double __ocml_fmod_f64(double, double);
double __ocml_hypot_f64(double, double);
double __ocml_fmin_f64(double, double);
double __ocml_fmax_f64(double, double);
double __ocml_copysign_f64(double, double);
double __ocml_ldexp_f64(double, int);
double __ocml_frexp_f64(double, PRIVATE int *);
double __ocml_modf_f64(double, PRIVATE double *);
float __ocml_sin_f32(float);
float __ocml_cos_f32(float);
float __ocml_tan_f32(float);
float __ocml_asin_f32(float);
float __ocml_acos_f32(float);
float __ocml_atan_f32(float);
float __ocml_sinh_f32(float);
float __ocml_cosh_f32(float);
float __ocml_tanh_f32(float);
float __ocml_exp_f32(float);
float __ocml_exp2_f32(float);
float __ocml_log_f32(float);
float __ocml_log2_f32(float);
float __ocml_log10_f32(float);
float __ocml_sqrt_f32(float);
float __ocml_cbrt_f32(float);
float __ocml_fabs_f32(float);
float __ocml_floor_f32(float);
float __ocml_ceil_f32(float);
float __ocml_trunc_f32(float);
float __ocml_round_f32(float);
float __ocml_rint_f32(float);
float __ocml_atan2_f32(float, float);
float __ocml_pow_f32(float, float);
float __ocml_fmod_f32(float, float);
float __ocml_hypot_f32(float, float);
float __ocml_fmin_f32(float, float);
float __ocml_fmax_f32(float, float);
float __ocml_copysign_f32(float, float);
float __ocml_ldexp_f32(float, int);
float __ocml_frexp_f32(float, PRIVATE int *);
float __ocml_modf_f32(float, PRIVATE float *);

double sin(double x) {
  return __ocml_sin_f64(x);
}
double cos(double x) {
  return __ocml_cos_f64(x);
}
double tan(double x) {
  return __ocml_tan_f64(x);
}
double asin(double x) {
  return __ocml_asin_f64(x);
}
double acos(double x) {
  return __ocml_acos_f64(x);
}
double atan(double x) {
  return __ocml_atan_f64(x);
}
double sinh(double x) {
  return __ocml_sinh_f64(x);
}
double cosh(double x) {
  return __ocml_cosh_f64(x);
}
double tanh(double x) {
  return __ocml_tanh_f64(x);
}
double exp(double x) {
  return __ocml_exp_f64(x);
}
double exp2(double x) {
  return __ocml_exp2_f64(x);
}
double log(double x) {
  return __ocml_log_f64(x);
}
double log2(double x) {
  return __ocml_log2_f64(x);
}
double log10(double x) {
  return __ocml_log10_f64(x);
}
double sqrt(double x) {
  return __ocml_sqrt_f64(x);
}
double cbrt(double x) {
  return __ocml_cbrt_f64(x);
}
double fabs(double x) {
  return __ocml_fabs_f64(x);
}
double floor(double x) {
  return __ocml_floor_f64(x);
}
double ceil(double x) {
  return __ocml_ceil_f64(x);
}
double trunc(double x) {
  return __ocml_trunc_f64(x);
}
double round(double x) {
  return __ocml_round_f64(x);
}
double rint(double x) {
  return __ocml_rint_f64(x);
}
double atan2(double x, double y) {
  return __ocml_atan2_f64(x, y);
}
double pow(double x, double y) {
  return __ocml_pow_f64(x, y);
}
double fmod(double x, double y) {
  return __ocml_fmod_f64(x, y);
}
double hypot(double x, double y) {
  return __ocml_hypot_f64(x, y);
}
double fmin(double x, double y) {
  return __ocml_fmin_f64(x, y);
}
double fmax(double x, double y) {
  return __ocml_fmax_f64(x, y);
}
double copysign(double x, double y) {
  return __ocml_copysign_f64(x, y);
}
double ldexp(double x, int exponent) {
  return __ocml_ldexp_f64(x, exponent);
}
double frexp(double x, int *exponent) {
  int private_copy;
  double result = __ocml_frexp_f64(x, (PRIVATE int *)&private_copy);
  *exponent = private_copy;
  return result;
}
double modf(double x, double *integral_part) {
  double private_copy;
  double result = __ocml_modf_f64(x, (PRIVATE double *)&private_copy);
  *integral_part = private_copy;
  return result;
}
float sinf(float x) {
  return __ocml_sin_f32(x);
}
float cosf(float x) {
  return __ocml_cos_f32(x);
}
float tanf(float x) {
  return __ocml_tan_f32(x);
}
float asinf(float x) {
  return __ocml_asin_f32(x);
}
float acosf(float x) {
  return __ocml_acos_f32(x);
}
float atanf(float x) {
  return __ocml_atan_f32(x);
}
float sinhf(float x) {
  return __ocml_sinh_f32(x);
}
float coshf(float x) {
  return __ocml_cosh_f32(x);
}
float tanhf(float x) {
  return __ocml_tanh_f32(x);
}
float expf(float x) {
  return __ocml_exp_f32(x);
}
float exp2f(float x) {
  return __ocml_exp2_f32(x);
}
float logf(float x) {
  return __ocml_log_f32(x);
}
float log2f(float x) {
  return __ocml_log2_f32(x);
}
float log10f(float x) {
  return __ocml_log10_f32(x);
}
float sqrtf(float x) {
  return __ocml_sqrt_f32(x);
}
float cbrtf(float x) {
  return __ocml_cbrt_f32(x);
}
float fabsf(float x) {
  return __ocml_fabs_f32(x);
}
float floorf(float x) {
  return __ocml_floor_f32(x);
}
float ceilf(float x) {
  return __ocml_ceil_f32(x);
}
float truncf(float x) {
  return __ocml_trunc_f32(x);
}
float roundf(float x) {
  return __ocml_round_f32(x);
}
float rintf(float x) {
  return __ocml_rint_f32(x);
}
float atan2f(float x, float y) {
  return __ocml_atan2_f32(x, y);
}
float powf(float x, float y) {
  return __ocml_pow_f32(x, y);
}
float fmodf(float x, float y) {
  return __ocml_fmod_f32(x, y);
}
float hypotf(float x, float y) {
  return __ocml_hypot_f32(x, y);
}
float fminf(float x, float y) {
  return __ocml_fmin_f32(x, y);
}
float fmaxf(float x, float y) {
  return __ocml_fmax_f32(x, y);
}
float copysignf(float x, float y) {
  return __ocml_copysign_f32(x, y);
}
float ldexpf(float x, int exponent) {
  return __ocml_ldexp_f32(x, exponent);
}
float frexpf(float x, int *exponent) {
  int private_copy;
  float result = __ocml_frexp_f32(x, (PRIVATE int *)&private_copy);
  *exponent = private_copy;
  return result;
}
float modff(float x, float *integral_part) {
  float private_copy;
  float result = __ocml_modf_f32(x, (PRIVATE float *)&private_copy);
  *integral_part = private_copy;
  return result;
}

/* The rest of C99's math.h that ocml has. */
double __ocml_acosh_f64(double);
double __ocml_asinh_f64(double);
double __ocml_atanh_f64(double);
double __ocml_exp10_f64(double);
double __ocml_expm1_f64(double);
double __ocml_log1p_f64(double);
double __ocml_logb_f64(double);
int __ocml_ilogb_f64(double);
double __ocml_scalbn_f64(double, int);
double __ocml_remainder_f64(double, double);
double __ocml_nextafter_f64(double, double);
double __ocml_fdim_f64(double, double);
double __ocml_remquo_f64(double, double, PRIVATE int *);
double __ocml_sincos_f64(double, PRIVATE double *);
float __ocml_acosh_f32(float);
float __ocml_asinh_f32(float);
float __ocml_atanh_f32(float);
float __ocml_exp10_f32(float);
float __ocml_expm1_f32(float);
float __ocml_log1p_f32(float);
float __ocml_logb_f32(float);
int __ocml_ilogb_f32(float);
float __ocml_scalbn_f32(float, int);
float __ocml_remainder_f32(float, float);
float __ocml_nextafter_f32(float, float);
float __ocml_fdim_f32(float, float);
float __ocml_remquo_f32(float, float, PRIVATE int *);
float __ocml_sincos_f32(float, PRIVATE float *);
float __ocml_erf_f32(float);
double __ocml_erf_f64(double);
double __ocml_erfc_f64(double);
double __ocml_lgamma_r_f64(double, PRIVATE int *);
double __ocml_tgamma_f64(double);
float __ocml_erfc_f32(float);
float __ocml_lgamma_r_f32(float, PRIVATE int *);
float __ocml_tgamma_f32(float);

double acosh(double x) {
  return __ocml_acosh_f64(x);
}
double asinh(double x) {
  return __ocml_asinh_f64(x);
}
double atanh(double x) {
  return __ocml_atanh_f64(x);
}
double exp10(double x) {
  return __ocml_exp10_f64(x);
}
double expm1(double x) {
  return __ocml_expm1_f64(x);
}
double log1p(double x) {
  return __ocml_log1p_f64(x);
}
double logb(double x) {
  return __ocml_logb_f64(x);
}
int ilogb(double x) {
  /* math.h's values for NaN and zero, whatever ocml's own are. */
  if (x != x)
    return FP_ILOGBNAN;
  return x == 0 ? FP_ILOGB0 : __ocml_ilogb_f64(x);
}
double scalbn(double x, int exponent) {
  return __ocml_scalbn_f64(x, exponent);
}
double remainder(double x, double y) {
  return __ocml_remainder_f64(x, y);
}
double nextafter(double x, double y) {
  return __ocml_nextafter_f64(x, y);
}
double fdim(double x, double y) {
  return __ocml_fdim_f64(x, y);
}
double remquo(double x, double y, int *quotient) {
  int private_copy;
  double result = __ocml_remquo_f64(x, y, (PRIVATE int *)&private_copy);
  *quotient = private_copy;
  return result;
}
void sincos(double x, double *sin_x, double *cos_x) {
  double private_cos;
  *sin_x = __ocml_sincos_f64(x, (PRIVATE double *)&private_cos);
  *cos_x = private_cos;
}
double nearbyint(double x) {
  return __builtin_rint(x);
}
double fma(double x, double y, double z) {
  return __builtin_fma(x, y, z);
}
long lrint(double x) {
  return (long)__builtin_rint(x);
}
long long llrint(double x) {
  return (long long)__builtin_rint(x);
}
long lround(double x) {
  return (long)__builtin_round(x);
}
long long llround(double x) {
  return (long long)__builtin_round(x);
}
double nexttoward(double x, long double y) {
  if (y != y || y == x)
    return (double)y;
  return __ocml_nextafter_f64(x, y > x ? __builtin_inf() : -__builtin_inf());
}
double nan(const char *tag) {
  (void)tag; /* the payload is not kept */
  return __builtin_nan("");
}
float acoshf(float x) {
  return __ocml_acosh_f32(x);
}
float asinhf(float x) {
  return __ocml_asinh_f32(x);
}
float atanhf(float x) {
  return __ocml_atanh_f32(x);
}
float exp10f(float x) {
  return __ocml_exp10_f32(x);
}
float expm1f(float x) {
  return __ocml_expm1_f32(x);
}
float log1pf(float x) {
  return __ocml_log1p_f32(x);
}
float logbf(float x) {
  return __ocml_logb_f32(x);
}
int ilogbf(float x) {
  /* math.h's values for NaN and zero, whatever ocml's own are. */
  if (x != x)
    return FP_ILOGBNAN;
  return x == 0 ? FP_ILOGB0 : __ocml_ilogb_f32(x);
}
float scalbnf(float x, int exponent) {
  return __ocml_scalbn_f32(x, exponent);
}
float remainderf(float x, float y) {
  return __ocml_remainder_f32(x, y);
}
float nextafterf(float x, float y) {
  return __ocml_nextafter_f32(x, y);
}
float fdimf(float x, float y) {
  return __ocml_fdim_f32(x, y);
}
float remquof(float x, float y, int *quotient) {
  int private_copy;
  float result = __ocml_remquo_f32(x, y, (PRIVATE int *)&private_copy);
  *quotient = private_copy;
  return result;
}
void sincosf(float x, float *sin_x, float *cos_x) {
  float private_cos;
  *sin_x = __ocml_sincos_f32(x, (PRIVATE float *)&private_cos);
  *cos_x = private_cos;
}
float nearbyintf(float x) {
  return __builtin_rintf(x);
}
float fmaf(float x, float y, float z) {
  return __builtin_fmaf(x, y, z);
}
long lrintf(float x) {
  return (long)__builtin_rintf(x);
}
long long llrintf(float x) {
  return (long long)__builtin_rintf(x);
}
long lroundf(float x) {
  return (long)__builtin_roundf(x);
}
long long llroundf(float x) {
  return (long long)__builtin_roundf(x);
}
float nexttowardf(float x, long double y) {
  if (y != y || y == x)
    return (float)y;
  return __ocml_nextafter_f32(x, y > x ? __builtin_inff() : -__builtin_inff());
}
float nanf(const char *tag) {
  (void)tag; /* the payload is not kept */
  return __builtin_nanf("");
}
float erff(float x) {
  return __ocml_erf_f32(x);
}
float erfcf(float x) {
  return __ocml_erfc_f32(x);
}
float tgammaf(float x) {
  return __ocml_tgamma_f32(x);
}
double erf(double x) {
  return __ocml_erf_f64(x);
}
double erfc(double x) {
  return __ocml_erfc_f64(x);
}
double tgamma(double x) {
  return __ocml_tgamma_f64(x);
}

/* The sign of gamma(x) after lgamma and lgammaf (math.h). */
int signgam;

double lgamma(double x) {
  int private_sign;
  double result = __ocml_lgamma_r_f64(x, (PRIVATE int *)&private_sign);
  signgam = private_sign;
  return result;
}
float lgammaf(float x) {
  int private_sign;
  float result = __ocml_lgamma_r_f32(x, (PRIVATE int *)&private_sign);
  signgam = private_sign;
  return result;
}
