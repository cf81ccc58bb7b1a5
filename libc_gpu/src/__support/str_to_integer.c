#include "str_to_integer.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>

static int digit_value(unsigned char ch) {
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 'a' && ch <= 'z')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'Z')
    return ch - 'A' + 10;
  return 99;
}

unsigned long long __str_to_integer(const char *text, char **end, int base, int is_signed,
                                    unsigned long long max) {
  if (base < 0 || base == 1 || base > 36) {
    errno = EINVAL;
    return 0;
  }
  const unsigned char *p = (const unsigned char *)text;
  while (isspace(*p))
    ++p;
  int negative = 0;
  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  if (*p == '0' && (base == 0 || base == 16) && (p[1] == 'x' || p[1] == 'X')) {
    p += 2;
    base = 16;
  } else if (base == 0) {
    base = *p == '0' ? 8 : 10;
  }

  const unsigned char *digits = p;
  unsigned long long magnitude = 0;
  int overflow = 0;
  for (int d; (d = digit_value(*p)) < base; ++p) {
    if (magnitude > (~0ull - (unsigned)d) / (unsigned)base)
      overflow = 1; /* keep reading: *end goes past every digit */
    else
      magnitude = magnitude * (unsigned)base + (unsigned)d;
  }
  if (p == digits) {
    /* "0x" without hex digits is the number 0 followed by "x...". */
    if (end)
      *end = (char *)(digits - (const unsigned char *)text >= 2 && (digits[-1] | 0x20) == 'x' &&
                              digits[-2] == '0'
                          ? (const char *)digits - 1
                          : text);
    return 0;
  }
  if (end)
    *end = (char *)p;

  unsigned long long limit = is_signed && negative ? max + 1 : max;
  if (overflow || magnitude > limit) {
    errno = ERANGE;
    return is_signed && negative ? 0ull - (max + 1) : max;
  }
  return negative ? 0ull - magnitude : magnitude;
}
