/* The special results of the math functions that LLVM libc 19 lacks, made
 * the way C's Annex F and glibc make them: the value, the floating-point
 * exception raised by an operation the compiler cannot fold away, and errno
 * where math_errhandling says errno is set (the host, as glibc). */
#ifndef LIBC_GPU_SUPPORT_MATH_ERROR_H
#define LIBC_GPU_SUPPORT_MATH_ERROR_H

/* +-inf after an overflow (ERANGE). */
double __math_overflow(int negative);
/* +-0 after an underflow to zero (ERANGE). */
double __math_underflow(int negative);
/* +-inf at a pole: divide-by-zero (ERANGE). */
double __math_divzero(int negative);
/* NaN for an argument outside the domain: invalid (EDOM). */
double __math_invalid(void);
/* y itself, raising underflow when it is subnormal, and ERANGE when it is
 * zero: for results that came out of a computation that underflowed. */
double __math_check_underflow(double y);
/* x itself (a tiny argument that is its own result), raising underflow when
 * it is subnormal, as glibc does; errno stays. */
double __math_tiny(double x);
/* errno = error, where math_errhandling says so. */
void __math_set_errno(int error);

#endif
