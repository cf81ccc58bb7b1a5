/* Force-included into LLVM libc's math sources when they are compiled for the
 * GPUs: each entry point takes the __gpuvm_ name that libc_gpu's math.h gives
 * it there (see __LIBC_MATH_SYMBOL), through the extra macro layer that LLVM
 * libc's LLVM_LIBC_FUNCTION keeps for renaming. Keep this list equal to the
 * names math.h declares with __LIBC_MATH_SYMBOL that LLVM libc defines (the
 * rest are libc_gpu's own, named by math.h itself). */
#ifndef LIBC_GPU_MATH_GPU_SYMBOLS_H
#define LIBC_GPU_MATH_GPU_SYMBOLS_H

#define acos __gpuvm_acos
#define asin __gpuvm_asin
#define atan __gpuvm_atan
#define atan2 __gpuvm_atan2
#define cos __gpuvm_cos
#define sin __gpuvm_sin
#define tan __gpuvm_tan
#define acosh __gpuvm_acosh
#define asinh __gpuvm_asinh
#define atanh __gpuvm_atanh
#define cosh __gpuvm_cosh
#define sinh __gpuvm_sinh
#define tanh __gpuvm_tanh
#define exp __gpuvm_exp
#define exp2 __gpuvm_exp2
#define exp10 __gpuvm_exp10
#define expm1 __gpuvm_expm1
#define frexp __gpuvm_frexp
#define ilogb __gpuvm_ilogb
#define ldexp __gpuvm_ldexp
#define log __gpuvm_log
#define log10 __gpuvm_log10
#define log1p __gpuvm_log1p
#define log2 __gpuvm_log2
#define logb __gpuvm_logb
#define modf __gpuvm_modf
#define scalbn __gpuvm_scalbn
#define scalbln __gpuvm_scalbln
#define cbrt __gpuvm_cbrt
#define hypot __gpuvm_hypot
#define pow __gpuvm_pow
#define lrint __gpuvm_lrint
#define llrint __gpuvm_llrint
#define lround __gpuvm_lround
#define llround __gpuvm_llround
#define fmod __gpuvm_fmod
#define remainder __gpuvm_remainder
#define remquo __gpuvm_remquo
#define nan __gpuvm_nan
#define nextafter __gpuvm_nextafter
#define nexttoward __gpuvm_nexttoward
#define fdim __gpuvm_fdim
#define sincos __gpuvm_sincos
#define acosf __gpuvm_acosf
#define asinf __gpuvm_asinf
#define atanf __gpuvm_atanf
#define atan2f __gpuvm_atan2f
#define cosf __gpuvm_cosf
#define sinf __gpuvm_sinf
#define tanf __gpuvm_tanf
#define acoshf __gpuvm_acoshf
#define asinhf __gpuvm_asinhf
#define atanhf __gpuvm_atanhf
#define coshf __gpuvm_coshf
#define sinhf __gpuvm_sinhf
#define tanhf __gpuvm_tanhf
#define expf __gpuvm_expf
#define exp2f __gpuvm_exp2f
#define exp10f __gpuvm_exp10f
#define expm1f __gpuvm_expm1f
#define frexpf __gpuvm_frexpf
#define ilogbf __gpuvm_ilogbf
#define ldexpf __gpuvm_ldexpf
#define logf __gpuvm_logf
#define log10f __gpuvm_log10f
#define log1pf __gpuvm_log1pf
#define log2f __gpuvm_log2f
#define logbf __gpuvm_logbf
#define modff __gpuvm_modff
#define scalbnf __gpuvm_scalbnf
#define scalblnf __gpuvm_scalblnf
#define cbrtf __gpuvm_cbrtf
#define hypotf __gpuvm_hypotf
#define powf __gpuvm_powf
#define erff __gpuvm_erff
#define lrintf __gpuvm_lrintf
#define llrintf __gpuvm_llrintf
#define lroundf __gpuvm_lroundf
#define llroundf __gpuvm_llroundf
#define fmodf __gpuvm_fmodf
#define remainderf __gpuvm_remainderf
#define remquof __gpuvm_remquof
#define nanf __gpuvm_nanf
#define nextafterf __gpuvm_nextafterf
#define nexttowardf __gpuvm_nexttowardf
#define fdimf __gpuvm_fdimf
#define sincosf __gpuvm_sincosf

#endif
