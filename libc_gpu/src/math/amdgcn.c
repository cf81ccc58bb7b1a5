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
