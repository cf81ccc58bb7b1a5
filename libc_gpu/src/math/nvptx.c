/* math.h on NVPTX: CUDA's libdevice, which gpu-c++ links into the image as
 * bitcode when something calls it. */
#include <math.h>

double __nv_sin(double);
double __nv_cos(double);
double __nv_tan(double);
double __nv_asin(double);
double __nv_acos(double);
double __nv_atan(double);
double __nv_sinh(double);
double __nv_cosh(double);
double __nv_tanh(double);
double __nv_exp(double);
double __nv_exp2(double);
double __nv_log(double);
double __nv_log2(double);
double __nv_log10(double);
double __nv_sqrt(double);
double __nv_cbrt(double);
double __nv_fabs(double);
double __nv_floor(double);
double __nv_ceil(double);
double __nv_trunc(double);
double __nv_round(double);
double __nv_rint(double);
double __nv_atan2(double, double);
double __nv_pow(double, double);
double __nv_fmod(double, double);
double __nv_hypot(double, double);
double __nv_fmin(double, double);
double __nv_fmax(double, double);
double __nv_copysign(double, double);
double __nv_ldexp(double, int);
double __nv_frexp(double, int *);
double __nv_modf(double, double *);
float __nv_sinf(float);
float __nv_cosf(float);
float __nv_tanf(float);
float __nv_asinf(float);
float __nv_acosf(float);
float __nv_atanf(float);
float __nv_sinhf(float);
float __nv_coshf(float);
float __nv_tanhf(float);
float __nv_expf(float);
float __nv_exp2f(float);
float __nv_logf(float);
float __nv_log2f(float);
float __nv_log10f(float);
float __nv_sqrtf(float);
float __nv_cbrtf(float);
float __nv_fabsf(float);
float __nv_floorf(float);
float __nv_ceilf(float);
float __nv_truncf(float);
float __nv_roundf(float);
float __nv_rintf(float);
float __nv_atan2f(float, float);
float __nv_powf(float, float);
float __nv_fmodf(float, float);
float __nv_hypotf(float, float);
float __nv_fminf(float, float);
float __nv_fmaxf(float, float);
float __nv_copysignf(float, float);
float __nv_ldexpf(float, int);
float __nv_frexpf(float, int *);
float __nv_modff(float, float *);

double sin(double x) {
  return __nv_sin(x);
}
double cos(double x) {
  return __nv_cos(x);
}
double tan(double x) {
  return __nv_tan(x);
}
double asin(double x) {
  return __nv_asin(x);
}
double acos(double x) {
  return __nv_acos(x);
}
double atan(double x) {
  return __nv_atan(x);
}
double sinh(double x) {
  return __nv_sinh(x);
}
double cosh(double x) {
  return __nv_cosh(x);
}
double tanh(double x) {
  return __nv_tanh(x);
}
double exp(double x) {
  return __nv_exp(x);
}
double exp2(double x) {
  return __nv_exp2(x);
}
double log(double x) {
  return __nv_log(x);
}
double log2(double x) {
  return __nv_log2(x);
}
double log10(double x) {
  return __nv_log10(x);
}
double sqrt(double x) {
  return __nv_sqrt(x);
}
double cbrt(double x) {
  return __nv_cbrt(x);
}
double fabs(double x) {
  return __nv_fabs(x);
}
double floor(double x) {
  return __nv_floor(x);
}
double ceil(double x) {
  return __nv_ceil(x);
}
double trunc(double x) {
  return __nv_trunc(x);
}
double round(double x) {
  return __nv_round(x);
}
double rint(double x) {
  return __nv_rint(x);
}
double atan2(double x, double y) {
  return __nv_atan2(x, y);
}
double pow(double x, double y) {
  return __nv_pow(x, y);
}
double fmod(double x, double y) {
  return __nv_fmod(x, y);
}
double hypot(double x, double y) {
  return __nv_hypot(x, y);
}
double fmin(double x, double y) {
  return __nv_fmin(x, y);
}
double fmax(double x, double y) {
  return __nv_fmax(x, y);
}
double copysign(double x, double y) {
  return __nv_copysign(x, y);
}
double ldexp(double x, int exponent) {
  return __nv_ldexp(x, exponent);
}
double frexp(double x, int *exponent) {
  return __nv_frexp(x, exponent);
}
double modf(double x, double *integral_part) {
  return __nv_modf(x, integral_part);
}
float sinf(float x) {
  return __nv_sinf(x);
}
float cosf(float x) {
  return __nv_cosf(x);
}
float tanf(float x) {
  return __nv_tanf(x);
}
float asinf(float x) {
  return __nv_asinf(x);
}
float acosf(float x) {
  return __nv_acosf(x);
}
float atanf(float x) {
  return __nv_atanf(x);
}
float sinhf(float x) {
  return __nv_sinhf(x);
}
float coshf(float x) {
  return __nv_coshf(x);
}
float tanhf(float x) {
  return __nv_tanhf(x);
}
float expf(float x) {
  return __nv_expf(x);
}
float exp2f(float x) {
  return __nv_exp2f(x);
}
float logf(float x) {
  return __nv_logf(x);
}
float log2f(float x) {
  return __nv_log2f(x);
}
float log10f(float x) {
  return __nv_log10f(x);
}
float sqrtf(float x) {
  return __nv_sqrtf(x);
}
float cbrtf(float x) {
  return __nv_cbrtf(x);
}
float fabsf(float x) {
  return __nv_fabsf(x);
}
float floorf(float x) {
  return __nv_floorf(x);
}
float ceilf(float x) {
  return __nv_ceilf(x);
}
float truncf(float x) {
  return __nv_truncf(x);
}
float roundf(float x) {
  return __nv_roundf(x);
}
float rintf(float x) {
  return __nv_rintf(x);
}
float atan2f(float x, float y) {
  return __nv_atan2f(x, y);
}
float powf(float x, float y) {
  return __nv_powf(x, y);
}
float fmodf(float x, float y) {
  return __nv_fmodf(x, y);
}
float hypotf(float x, float y) {
  return __nv_hypotf(x, y);
}
float fminf(float x, float y) {
  return __nv_fminf(x, y);
}
float fmaxf(float x, float y) {
  return __nv_fmaxf(x, y);
}
float copysignf(float x, float y) {
  return __nv_copysignf(x, y);
}
float ldexpf(float x, int exponent) {
  return __nv_ldexpf(x, exponent);
}
float frexpf(float x, int *exponent) {
  return __nv_frexpf(x, exponent);
}
float modff(float x, float *integral_part) {
  return __nv_modff(x, integral_part);
}
