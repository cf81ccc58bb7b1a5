/* The floating-point parser behind strtod, strtof and strtold. */
#ifndef LIBC_GPU_SUPPORT_STR_TO_FLOAT_H
#define LIBC_GPU_SUPPORT_STR_TO_FLOAT_H

#include <stdint.h>

/* A binary format: significand bits (with the leading one), and the
 * exponents of the smallest and largest normal numbers (2^min .. 2^max). */
struct __float_format {
  int mantissa_bits;
  int min_exponent;
  int max_exponent;
};

/* The parsed number, rounded to nearest-even in the format: the value is
 * (-1)^negative * mantissa * 2^exponent, mantissa < 2^mantissa_bits, and a
 * mantissa below 2^(mantissa_bits-1) is subnormal (or zero). */
struct __parsed_float {
  int negative;
  enum { __FLOAT_FINITE, __FLOAT_INFINITE, __FLOAT_NAN } kind;
  uint64_t mantissa;
  int exponent;
};

/* Parses like glibc's strtod: white space, a sign, then a decimal or "0x"
 * hexadecimal number, "inf", "infinity" or "nan" / "nan(chars)" in any case.
 * Sets errno to ERANGE on overflow (an infinite result) and when a nonzero
 * number rounds to a subnormal or zero. No number: *end = text and zero. */
struct __parsed_float __str_to_float(const char *text, char **end,
                                     const struct __float_format *format);

#endif
