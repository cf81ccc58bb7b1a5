# LLVM libc 19's math (libc/src/math/generic), as libc_gpu ships it for the
# host and NVPTX, and how it is compiled: shared by this folder's build of
# libm.a and by the host test that checks it against glibc
# (test/libc/math_ulp_vs_glibc.c).
#
# The entry points: every function of C99's <math.h> for double and float
# that the release has (plus exp10 and sincos), one file each. What it lacks,
# libc_gpu writes itself (src/math: pow, atan2, asin, acos, atan, the
# hyperbolic functions, scalbln), and also where test/libc/math_ulp_vs_glibc.c
# found the release wrong: cbrt (cbrt(0x1.fffffffffffffp-1) = 0.5), powf
# (NaN for powf(-inf, 0.5)) and, on the host, whose baseline x86-64 has no
# FMA, exp10 (589 ulp off at 0x1.20fd1b5dfbf26p+8).
set(LLVM_LIBC_MATH_FUNCTIONS
    acosf
    acoshf
    asinf
    asinhf
    atan2f
    atanf
    atanhf
    cbrtf
    ceil
    ceilf
    copysign
    copysignf
    cos
    cosf
    coshf
    erff
    exp
    exp10f
    exp2
    exp2f
    expf
    expm1
    expm1f
    fabs
    fabsf
    fdim
    fdimf
    floor
    floorf
    fma
    fmaf
    fmax
    fmaxf
    fmin
    fminf
    fmod
    fmodf
    frexp
    frexpf
    hypot
    hypotf
    ilogb
    ilogbf
    ldexp
    ldexpf
    llrint
    llrintf
    llround
    llroundf
    log
    log10
    log10f
    log1p
    log1pf
    log2
    log2f
    logb
    logbf
    logf
    lrint
    lrintf
    lround
    lroundf
    modf
    modff
    nan
    nanf
    nearbyint
    nearbyintf
    nextafter
    nextafterf
    nexttoward
    nexttowardf
    remainder
    remainderf
    remquo
    remquof
    rint
    rintf
    round
    roundf
    scalbn
    scalbnf
    sin
    sincos
    sincosf
    sinf
    sinhf
    sqrt
    sqrtf
    tan
    tanf
    tanhf
    trunc
    truncf
)
set(LLVM_LIBC_MATH_SOURCES)
foreach(function ${LLVM_LIBC_MATH_FUNCTIONS})
  list(APPEND LLVM_LIBC_MATH_SOURCES src/math/generic/${function}.cpp)
endforeach()
# Tables and helpers the entry points share.
list(APPEND LLVM_LIBC_MATH_SOURCES
     src/math/generic/common_constants.cpp
     src/math/generic/explogxf.cpp
     src/math/generic/inv_trigf_utils.cpp)
# errno, on the host only: see LLVM_LIBC_MATH_HOST_FLAGS.
set(LLVM_LIBC_MATH_HOST_SOURCES src/errno/libc_errno.cpp)
set(LLVM_LIBC_MATH_NVPTX_SOURCES src/math/generic/exp10.cpp)

# As LLVM libc's own CMake compiles its full build (LLVMLibCCompileOptionRules):
# C++17 without exceptions or RTTI, freestanding, with its own headers for
# its types and macros and libc_gpu's for the rest (<errno.h>, <assert.h>).
# - LIBC_COPT_PUBLIC_PACKAGING: each entry point is the plain C symbol (exp),
#   with the namespaced name an alias of it.
# - LIBC_COPT_USE_C_ASSERT, NDEBUG: internal assertions go to <assert.h>,
#   and are off, instead of a Linux write(2) to stderr.
# - __FP_LOGBNAN_MIN: ilogb(NaN) is INT_MIN, as glibc's on x86-64 (math.h's
#   FP_ILOGBNAN), on every target.
set(LLVM_LIBC_MATH_FLAGS
    -std=c++17 -fno-rtti -ffreestanding
    -I${GPUVM_LLVM19_SOURCE}/libc -I${GPUVM_LLVM19_SOURCE}/libc/include
    -DLIBC_NAMESPACE=__llvm_libc_19_gpuvm -DLIBC_FULL_BUILD -DLIBC_COPT_PUBLIC_PACKAGING
    -DLIBC_COPT_USE_C_ASSERT -DNDEBUG -D__FP_LOGBNAN_MIN)
# The host: -fno-builtin as LLVM libc builds for CPUs; errno is libc_gpu's
# (LIBC_ERRNO_MODE_SYSTEM writes <errno.h>'s errno), set where glibc sets it,
# because its math_errhandling there has MATH_ERRNO; <linux/errno.h>, which
# the full build asks for on Linux, is libc_gpu's <errno.h> (include/).
set(LLVM_LIBC_MATH_HOST_FLAGS
    -fno-builtin -isystem ${CMAKE_CURRENT_LIST_DIR}/include
    -DLIBC_ERRNO_MODE=LIBC_ERRNO_MODE_SYSTEM)
# NVPTX: LLVM libc's math_errhandling is 0 there (no errno, no exceptions),
# so nothing needs errno; the entry points take math.h's __gpuvm_ names.
set(LLVM_LIBC_MATH_NVPTX_FLAGS -include ${CMAKE_CURRENT_LIST_DIR}/gpu_symbols.h)
