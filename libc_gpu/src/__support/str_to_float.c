#include "str_to_float.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>

/* Decimal digits beyond this many only make the number inexact: the exact
 * halfway point between two doubles needs at most 767 significant digits.
 * (For the x87's 80-bit long double, a few halfway cases need more.) */
#define MAX_DIGITS 800

/* Big naturals in 32-bit limbs, least significant first, large enough for
 * 10^(digits + smallest decimal exponent) of the widest long double. */
#if __LDBL_MANT_DIG__ > 53
#define MAX_LIMBS 640
#else
#define MAX_LIMBS 140
#endif

struct big {
  int size;
  uint32_t limb[MAX_LIMBS];
};

static void big_set(struct big *b, uint32_t value) {
  b->size = value != 0;
  b->limb[0] = value;
}

static void big_mul_add(struct big *b, uint32_t factor, uint32_t addend) {
  uint64_t carry = addend;
  for (int i = 0; i < b->size; ++i) {
    carry += (uint64_t)b->limb[i] * factor;
    b->limb[i] = (uint32_t)carry;
    carry >>= 32;
  }
  if (carry)
    b->limb[b->size++] = (uint32_t)carry;
}

static void big_mul_pow10(struct big *b, int power) {
  for (; power >= 9; power -= 9)
    big_mul_add(b, 1000000000u, 0);
  static const uint32_t small[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
  if (power)
    big_mul_add(b, small[power], 0);
}

static int big_bits(const struct big *b) {
  if (!b->size)
    return 0;
  return 32 * (b->size - 1) + 32 - __builtin_clz(b->limb[b->size - 1]);
}

static int big_bit(const struct big *b, int index) {
  return index / 32 < b->size ? (b->limb[index / 32] >> (index % 32)) & 1 : 0;
}

static void big_shift_left(struct big *b, int bits) {
  int words = bits / 32, rest = bits % 32;
  if (!b->size)
    return;
  int size = b->size + words + 1;
  for (int i = size - 1; i >= 0; --i) {
    int from = i - words;
    uint32_t high = from >= 0 && from < b->size ? b->limb[from] : 0;
    uint32_t low = from - 1 >= 0 && from - 1 < b->size ? b->limb[from - 1] : 0;
    b->limb[i] = rest ? (high << rest) | (low >> (32 - rest)) : high;
  }
  b->size = size;
  while (b->size && !b->limb[b->size - 1])
    --b->size;
}

static void big_shift_right_1(struct big *b) {
  for (int i = 0; i < b->size; ++i)
    b->limb[i] = (b->limb[i] >> 1) | (i + 1 < b->size ? b->limb[i + 1] << 31 : 0);
  while (b->size && !b->limb[b->size - 1])
    --b->size;
}

static int big_compare(const struct big *a, const struct big *b) {
  if (a->size != b->size)
    return a->size < b->size ? -1 : 1;
  for (int i = a->size - 1; i >= 0; --i)
    if (a->limb[i] != b->limb[i])
      return a->limb[i] < b->limb[i] ? -1 : 1;
  return 0;
}

static void big_subtract(struct big *a, const struct big *b) {
  int64_t borrow = 0;
  for (int i = 0; i < a->size; ++i) {
    int64_t d = (int64_t)a->limb[i] - (i < b->size ? b->limb[i] : 0) - borrow;
    borrow = d < 0;
    a->limb[i] = (uint32_t)d;
  }
  while (a->size && !a->limb[a->size - 1])
    --a->size;
}

typedef unsigned __int128 u128;

static int bit_length(u128 m) {
  uint64_t high = (uint64_t)(m >> 64), low = (uint64_t)m;
  return high ? 128 - __builtin_clzll(high) : low ? 64 - __builtin_clzll(low) : 0;
}

/* Rounds m * 2^e (plus a nonzero tail below it when sticky) into the format;
 * m has at least mantissa_bits + 2 bits whenever the tail is not exact. */
static struct __parsed_float round_binary(u128 m, int e, int sticky, const struct __float_format *f,
                                          int negative) {
  struct __parsed_float r = {negative, __FLOAT_FINITE, 0, 0};
  int p = f->mantissa_bits;
  int top = e + bit_length(m) - 1;
  int lsb = top - (p - 1);
  int subnormal_lsb = f->min_exponent - (p - 1);
  if (lsb < subnormal_lsb)
    lsb = subnormal_lsb;
  int shift = lsb - e;
  u128 mantissa;
  int inexact = sticky;
  if (shift <= 0) {
    mantissa = m << -shift;
  } else if (shift >= 128) {
    mantissa = 0;
    inexact = 1; /* m is nonzero, and far below half of the smallest subnormal */
  } else {
    u128 dropped = m & (((u128)1 << shift) - 1);
    u128 half = (u128)1 << (shift - 1);
    mantissa = m >> shift;
    inexact |= dropped != 0;
    if (dropped > half || (dropped == half && (sticky || (mantissa & 1))))
      ++mantissa;
  }
  if (mantissa >> p) { /* rounding carried into a new bit */
    mantissa >>= 1;
    ++lsb;
  }
  if (lsb + p - 1 > f->max_exponent) {
    r.kind = __FLOAT_INFINITE;
    errno = ERANGE;
    return r;
  }
  if (inexact && !(mantissa >> (p - 1)))
    errno = ERANGE; /* underflow: tiny and inexact */
  r.mantissa = (uint64_t)mantissa;
  r.exponent = lsb;
  return r;
}

static int match(const char *s, const char *word) {
  for (; *word; ++s, ++word)
    if (tolower((unsigned char)*s) != *word)
      return 0;
  return 1;
}

static struct __parsed_float parse_hex(const char *s, char **end, const struct __float_format *f,
                                       int negative) {
  u128 m = 0;
  int e = 0, sticky = 0, any = 0, point = 0;
  for (;; ++s) {
    int digit;
    if (*s == '.' && !point) {
      point = 1;
      continue;
    }
    if (isdigit((unsigned char)*s))
      digit = *s - '0';
    else if (isxdigit((unsigned char)*s))
      digit = tolower((unsigned char)*s) - 'a' + 10;
    else
      break;
    any = 1;
    if (m >> 120) {
      sticky |= digit != 0;
      if (!point)
        e += 4;
    } else {
      m = m << 4 | (u128)digit;
      if (point)
        e -= 4;
    }
  }
  if (!any)
    return (struct __parsed_float){negative, __FLOAT_FINITE, 0, 0};
  if ((*s == 'p' || *s == 'P')) {
    const char *p = s + 1;
    int sign = 1;
    if (*p == '+' || *p == '-')
      sign = *p++ == '-' ? -1 : 1;
    if (isdigit((unsigned char)*p)) {
      long exp = 0;
      for (; isdigit((unsigned char)*p); ++p)
        if (exp < 100000)
          exp = exp * 10 + (*p - '0');
      e += (int)(sign * exp);
      s = p;
    }
  }
  *end = (char *)s;
  if (!m)
    return (struct __parsed_float){negative, __FLOAT_FINITE, 0, 0};
  return round_binary(m, e, sticky, f, negative);
}

/* D * 10^E, D given by its significant digits. */
static struct __parsed_float decimal_to_binary(const char *digits, int count, int sticky,
                                               long exponent10, const struct __float_format *f,
                                               int negative) {
  struct __parsed_float zero = {negative, __FLOAT_FINITE, 0, 0};
  /* Outside these bounds the result is surely infinite or surely zero. */
  long max10 = (long)(f->max_exponent + 1) * 30103 / 100000 + 1;
  long min10 = (long)(f->min_exponent - f->mantissa_bits) * 30103 / 100000 - 2;
  if (count + exponent10 - 1 > max10) {
    errno = ERANGE;
    zero.kind = __FLOAT_INFINITE;
    return zero;
  }
  if (count + exponent10 < min10) {
    errno = ERANGE;
    return zero;
  }
  struct big n, d;
  big_set(&n, 0);
  for (int i = 0; i < count; ++i)
    big_mul_add(&n, 10, (uint32_t)(digits[i] - '0'));
  if (exponent10 >= 0) {
    big_mul_pow10(&n, (int)exponent10);
    /* Keep the top 100 bits; what lies below is sticky. */
    int bits = big_bits(&n), low = bits > 100 ? bits - 100 : 0;
    u128 m = 0;
    for (int i = bits - 1; i >= low; --i)
      m = m << 1 | (u128)big_bit(&n, i);
    for (int i = 0; i < low && !sticky; ++i)
      sticky = big_bit(&n, i);
    return round_binary(m, low, sticky, f, negative);
  }
  /* n / 10^-E: a quotient of 100 or 101 bits, the remainder sticky. n is
   * scaled up by 2^shift, or d by 2^-shift when n has many more digits
   * than the fraction (the quotient must fit its 128 bits). */
  big_set(&d, 1);
  big_mul_pow10(&d, (int)-exponent10);
  int shift = big_bits(&d) - big_bits(&n) + 100;
  if (shift >= 0)
    big_shift_left(&n, shift);
  else
    big_shift_left(&d, -shift);
  int k = big_bits(&n) - big_bits(&d);
  u128 q = 0;
  if (k >= 0) {
    big_shift_left(&d, k);
    for (int i = k; i >= 0; --i) {
      q <<= 1;
      if (big_compare(&n, &d) >= 0) {
        big_subtract(&n, &d);
        q |= 1;
      }
      big_shift_right_1(&d);
    }
  }
  return round_binary(q, -shift, sticky || n.size != 0, f, negative);
}

struct __parsed_float __str_to_float(const char *text, char **end,
                                     const struct __float_format *format) {
  const char *s = text;
  char *ignored;
  if (!end)
    end = &ignored;
  *end = (char *)text;
  while (isspace((unsigned char)*s))
    ++s;
  int negative = 0;
  if (*s == '+' || *s == '-')
    negative = *s++ == '-';
  struct __parsed_float r = {negative, __FLOAT_FINITE, 0, 0};
  if (match(s, "inf")) {
    *end = (char *)s + (match(s, "infinity") ? 8 : 3);
    r.kind = __FLOAT_INFINITE;
    return r;
  }
  if (match(s, "nan")) {
    s += 3;
    if (*s == '(') {
      const char *p = s + 1;
      while (isalnum((unsigned char)*p) || *p == '_')
        ++p;
      if (*p == ')')
        s = p + 1;
    }
    *end = (char *)s;
    r.kind = __FLOAT_NAN;
    return r;
  }
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
      (isxdigit((unsigned char)s[2]) || (s[2] == '.' && isxdigit((unsigned char)s[3])))) {
    *end = (char *)s + 1; /* "0x" without digits parses as 0 */
    return parse_hex(s + 2, end, format, negative);
  }

  char digits[MAX_DIGITS];
  int count = 0, sticky = 0, any = 0, point = 0;
  long exponent10 = 0;
  for (;; ++s) {
    if (*s == '.' && !point) {
      point = 1;
      continue;
    }
    if (!isdigit((unsigned char)*s))
      break;
    any = 1;
    if (*s == '0' && count == 0) { /* leading zeros */
      if (point)
        --exponent10;
      continue;
    }
    if (count < MAX_DIGITS) {
      digits[count++] = *s;
      if (point)
        --exponent10;
    } else {
      sticky |= *s != '0';
      if (!point)
        ++exponent10;
    }
  }
  if (!any) { /* no conversion: +0, whatever sign came before */
    r.negative = 0;
    return r;
  }
  if (*s == 'e' || *s == 'E') {
    const char *p = s + 1;
    int sign = 1;
    if (*p == '+' || *p == '-')
      sign = *p++ == '-' ? -1 : 1;
    if (isdigit((unsigned char)*p)) {
      long exp = 0;
      for (; isdigit((unsigned char)*p); ++p)
        if (exp < 1000000)
          exp = exp * 10 + (*p - '0');
      exponent10 += sign * exp;
      s = p;
    }
  }
  *end = (char *)s;
  while (count > 0 && digits[count - 1] == '0') { /* trailing zeros */
    --count;
    ++exponent10;
  }
  if (!count)
    return r;
  return decimal_to_binary(digits, count, sticky, exponent10, format, negative);
}
