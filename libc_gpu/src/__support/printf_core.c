/* printf formatting, byte for byte like glibc's in the C locale.
 *
 * Floating-point values are printed from their exact decimal expansion: a
 * double is m * 2^e with m < 2^53, and its expansion has at most 309 integer
 * and 1074 fraction digits, which fit in base-10^9 limbs on the stack. Rounding
 * then happens once, on exact digits, half to even, as glibc does in the
 * default rounding mode. long double is printed as double (it is double on
 * the GPU targets; on the host it loses the x87 extra precision). */
#include "printf_core.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h> /* also strerror, for %m */

/* ---------------------------------------------------------------- output */

struct formatter {
  struct printf_sink *sink;
  int error; /* an errno value that makes the call fail */
};

static void put(struct formatter *f, const char *data, size_t size) {
  struct printf_sink *sink = f->sink;
  sink->total += size;
  while (size) {
    size_t room = sink->capacity - sink->length;
    if (!room) {
      if (!sink->drain || sink->failed)
        return;
      if (sink->drain(sink)) {
        sink->failed = 1;
        return;
      }
      continue;
    }
    size_t chunk = size < room ? size : room;
    memcpy(sink->buffer + sink->length, data, chunk);
    sink->length += chunk;
    data += chunk;
    size -= chunk;
  }
}

static void put_char(struct formatter *f, char ch) {
  put(f, &ch, 1);
}

static void put_repeated(struct formatter *f, char ch, size_t count) {
  struct printf_sink *sink = f->sink;
  /* Past the end of a buffer that cannot drain, padding only counts. */
  if (!sink->drain && sink->length == sink->capacity) {
    sink->total += count;
    return;
  }
  char block[32];
  memset(block, ch, sizeof block);
  while (count) {
    size_t chunk = count < sizeof block ? count : sizeof block;
    put(f, block, chunk);
    count -= chunk;
  }
}

/* ------------------------------------------------------ conversion specs */

#define FLAG_LEFT 1u   /* '-' */
#define FLAG_PLUS 2u   /* '+' */
#define FLAG_SPACE 4u  /* ' ' */
#define FLAG_ALT 8u    /* '#' */
#define FLAG_ZERO 16u  /* '0' */
#define FLAG_GROUP 32u /* '\'': digit grouping, of which the C locale has none */
#define FLAG_I18N 64u  /* 'I': locale digits, which in the C locale are ASCII */

enum length_modifier {
  LENGTH_NONE,
  LENGTH_HH,
  LENGTH_H,
  LENGTH_L,
  LENGTH_LL,
  LENGTH_J,
  LENGTH_Z,
  LENGTH_T,
  LENGTH_BIG_L,
};

/* Where a width or precision comes from. */
#define FROM_FORMAT (-1) /* written in the format, or absent */
#define FROM_NEXT_ARG 0  /* '*': the next argument */
                         /* n > 0: '*n$', argument n */

struct spec {
  unsigned flags;
  int width;
  int precision; /* -1 when absent */
  int width_source;
  int precision_source;
  int position; /* the value's argument number with 'n$', else 0 */
  enum length_modifier length;
  char conversion; /* '\0' when the format ends inside the spec */
};

static int is_digit(char ch) {
  return ch >= '0' && ch <= '9';
}

/* Reads decimal digits; -1 when there are none, INT_MAX + 1 when too big. */
static long parse_count(const char **cursor) {
  const char *p = *cursor;
  if (!is_digit(*p))
    return -1;
  long value = 0;
  for (; is_digit(*p); ++p)
    if (value <= INT_MAX)
      value = value * 10 + (*p - '0');
  *cursor = p;
  return value > INT_MAX ? (long)INT_MAX + 1 : value;
}

/* Reads '*' or '*n$' after a width or precision position. */
static int parse_star(const char **cursor, int *source) {
  const char *p = *cursor + 1;
  const char *digits = p;
  long n = parse_count(&p);
  if (n > 0 && *p == '$') {
    if (n > INT_MAX)
      return -1;
    *source = (int)n;
    *cursor = p + 1;
  } else {
    *source = FROM_NEXT_ARG;
    *cursor = digits;
  }
  return 0;
}

/* Parses the spec that starts at the '%' at `percent`. Returns where the
 * format goes on, or NULL when a number in it exceeds INT_MAX. */
static const char *parse_spec(const char *percent, struct spec *spec) {
  const char *p = percent + 1;
  spec->flags = 0;
  spec->width = 0;
  spec->precision = -1;
  spec->width_source = FROM_FORMAT;
  spec->precision_source = FROM_FORMAT;
  spec->position = 0;
  spec->length = LENGTH_NONE;

  const char *q = p;
  long n = parse_count(&q);
  if (n > 0 && *q == '$') {
    if (n > INT_MAX)
      return NULL;
    spec->position = (int)n;
    p = q + 1;
  }
  for (;; ++p) {
    if (*p == '-')
      spec->flags |= FLAG_LEFT;
    else if (*p == '+')
      spec->flags |= FLAG_PLUS;
    else if (*p == ' ')
      spec->flags |= FLAG_SPACE;
    else if (*p == '#')
      spec->flags |= FLAG_ALT;
    else if (*p == '0')
      spec->flags |= FLAG_ZERO;
    else if (*p == '\'')
      spec->flags |= FLAG_GROUP;
    else if (*p == 'I')
      spec->flags |= FLAG_I18N;
    else
      break;
  }
  if (*p == '*') {
    if (parse_star(&p, &spec->width_source))
      return NULL;
  } else {
    n = parse_count(&p);
    if (n > INT_MAX)
      return NULL;
    if (n > 0)
      spec->width = (int)n;
  }
  if (*p == '.') {
    ++p;
    if (*p == '*') {
      if (parse_star(&p, &spec->precision_source))
        return NULL;
    } else {
      n = parse_count(&p);
      if (n > INT_MAX)
        return NULL;
      spec->precision = n < 0 ? 0 : (int)n;
    }
  }
  switch (*p) {
  case 'h':
    spec->length = p[1] == 'h' ? LENGTH_HH : LENGTH_H;
    p += p[1] == 'h' ? 2 : 1;
    break;
  case 'l':
    spec->length = p[1] == 'l' ? LENGTH_LL : LENGTH_L;
    p += p[1] == 'l' ? 2 : 1;
    break;
  case 'q':
    spec->length = LENGTH_LL;
    ++p;
    break;
  case 'L':
    spec->length = LENGTH_BIG_L;
    ++p;
    break;
  case 'j':
    spec->length = LENGTH_J;
    ++p;
    break;
  case 'z':
  case 'Z':
    spec->length = LENGTH_Z;
    ++p;
    break;
  case 't':
    spec->length = LENGTH_T;
    ++p;
    break;
  default:
    break;
  }
  spec->conversion = *p;
  if (*p)
    ++p;
  return p;
}

/* ------------------------------------------------------------- arguments */

enum arg_type {
  ARG_NONE,
  ARG_INT,
  ARG_LONG,
  ARG_LONG_LONG,
  ARG_POINTER,
  ARG_DOUBLE,
  ARG_LONG_DOUBLE,
};

union arg_value {
  long long integer;
  void *pointer;
  double real;
  long double long_real;
};

/* Positional formats ('%2$d') may name arguments up to this number. */
#define MAX_POSITIONAL_ARGS 32

struct arg_source {
  va_list *sequential;
  union arg_value *by_position; /* NULL unless the format is positional */
  int position_count;
};

static enum arg_type value_type(const struct spec *spec) {
  switch (spec->conversion) {
  case 'd':
  case 'i':
  case 'o':
  case 'u':
  case 'x':
  case 'X':
    switch (spec->length) {
    case LENGTH_LL:
    case LENGTH_J:
    case LENGTH_BIG_L:
      return ARG_LONG_LONG;
    case LENGTH_L:
    case LENGTH_Z:
    case LENGTH_T:
      return ARG_LONG;
    default:
      return ARG_INT;
    }
  case 'c':
  case 'C':
    return ARG_INT; /* char and wint_t both arrive as int-sized values */
  case 's':
  case 'S':
  case 'p':
  case 'n':
    return ARG_POINTER;
  case 'f':
  case 'F':
  case 'e':
  case 'E':
  case 'g':
  case 'G':
  case 'a':
  case 'A':
    return spec->length == LENGTH_BIG_L ? ARG_LONG_DOUBLE : ARG_DOUBLE;
  default:
    return ARG_NONE;
  }
}

_Static_assert(sizeof(long) == sizeof(long long), "every target is LP64");
_Static_assert(sizeof(size_t) == sizeof(long) && sizeof(ptrdiff_t) == sizeof(long), "LP64");

static union arg_value read_arg(va_list *args, enum arg_type type) {
  union arg_value value;
  value.integer = 0;
  switch (type) {
  case ARG_INT:
    value.integer = va_arg(*args, int);
    break;
  case ARG_LONG:
    value.integer = va_arg(*args, long);
    break;
  case ARG_LONG_LONG:
    value.integer = va_arg(*args, long long);
    break;
  case ARG_POINTER:
    value.pointer = va_arg(*args, void *);
    break;
  case ARG_DOUBLE:
    value.real = va_arg(*args, double);
    break;
  case ARG_LONG_DOUBLE:
    value.long_real = va_arg(*args, long double);
    break;
  case ARG_NONE:
    break;
  }
  return value;
}

static union arg_value next_arg(struct arg_source *source, enum arg_type type, int position) {
  if (!source->by_position)
    return read_arg(source->sequential, type);
  union arg_value none;
  none.integer = 0;
  return position >= 1 && position <= source->position_count ? source->by_position[position - 1]
                                                             : none;
}

static int first_spec_is_positional(const char *format) {
  for (const char *p = format; *p; ++p) {
    if (*p != '%')
      continue;
    if (p[1] == '%') {
      ++p;
      continue;
    }
    const char *q = p + 1;
    return parse_count(&q) > 0 && *q == '$';
  }
  return 0;
}

static int note_type(enum arg_type *types, int *count, int position, enum arg_type type) {
  if (position < 1 || position > MAX_POSITIONAL_ARGS)
    return -1;
  types[position - 1] = type;
  if (position > *count)
    *count = position;
  return 0;
}

/* A positional format names its arguments in any order; va_arg reads them in
 * order, so learn every argument's type first, then read them all. */
static int load_positional_args(const char *format, va_list *args, union arg_value *values,
                                int *count) {
  enum arg_type types[MAX_POSITIONAL_ARGS];
  for (int i = 0; i < MAX_POSITIONAL_ARGS; ++i)
    types[i] = ARG_INT;
  *count = 0;
  for (const char *p = format; *p;) {
    if (*p != '%') {
      ++p;
      continue;
    }
    struct spec spec;
    const char *next = parse_spec(p, &spec);
    if (!next)
      return -1;
    p = next;
    if (spec.conversion == '%' || !spec.conversion)
      continue;
    if (spec.width_source == FROM_NEXT_ARG || spec.precision_source == FROM_NEXT_ARG)
      return -1; /* mixing '*' with 'n$' */
    if (spec.width_source > 0 && note_type(types, count, spec.width_source, ARG_INT))
      return -1;
    if (spec.precision_source > 0 && note_type(types, count, spec.precision_source, ARG_INT))
      return -1;
    enum arg_type type = value_type(&spec);
    if (type == ARG_NONE)
      continue;
    if (note_type(types, count, spec.position, type))
      return -1;
  }
  for (int i = 0; i < *count; ++i)
    values[i] = read_arg(args, types[i]);
  return 0;
}

/* ---------------------------------------------------------------- padding */

/* Writes the spaces that right-justify a field of `length` bytes; returns how
 * many zeros go after the sign and prefix instead, when zero-filling. */
static size_t pad_start(struct formatter *f, const struct spec *spec, size_t length,
                        int zero_fill) {
  size_t width = (size_t)spec->width;
  if (length >= width || (spec->flags & FLAG_LEFT))
    return 0;
  if (zero_fill && (spec->flags & FLAG_ZERO))
    return width - length;
  put_repeated(f, ' ', width - length);
  return 0;
}

static void pad_end(struct formatter *f, const struct spec *spec, size_t length) {
  if ((spec->flags & FLAG_LEFT) && length < (size_t)spec->width)
    put_repeated(f, ' ', (size_t)spec->width - length);
}

static void put_field(struct formatter *f, const struct spec *spec, const char *text,
                      size_t length) {
  pad_start(f, spec, length, 0);
  put(f, text, length);
  pad_end(f, spec, length);
}

/* --------------------------------------------------------------- integers */

static const char lower_digits[] = "0123456789abcdef";
static const char upper_digits[] = "0123456789ABCDEF";

/* Writes value's digits so that they end at `end`; returns where they start. */
static char *unsigned_to_text(char *end, unsigned long long value, unsigned base,
                              const char *digits) {
  char *p = end;
  /* 64-bit division is slow on GPUs: finish in 32 bits. */
  while (value > UINT32_MAX) {
    *--p = digits[value % base];
    value /= base;
  }
  for (uint32_t small = (uint32_t)value; small; small /= base)
    *--p = digits[small % base];
  return p;
}

static void format_integer(struct formatter *f, const struct spec *spec,
                           unsigned long long magnitude, char sign, const char *prefix) {
  unsigned base = 10;
  const char *digit_set = lower_digits;
  switch (spec->conversion) {
  case 'o':
    base = 8;
    break;
  case 'x':
  case 'p':
    base = 16;
    break;
  case 'X':
    base = 16;
    digit_set = upper_digits;
    break;
  default:
    break;
  }
  char text[24];
  char *end = text + sizeof text;
  char *start = unsigned_to_text(end, magnitude, base, digit_set);
  size_t digit_count = (size_t)(end - start);
  /* The digit "0" is printed unless the precision is explicitly 0. */
  if (magnitude == 0 && spec->precision != 0) {
    *--start = '0';
    digit_count = 1;
  }
  size_t zeros = spec->precision > 0 && (size_t)spec->precision > digit_count
                     ? (size_t)spec->precision - digit_count
                     : 0;
  /* '#' with 'o': the first digit must be a 0. */
  if (spec->conversion == 'o' && (spec->flags & FLAG_ALT) && zeros == 0 &&
      (digit_count == 0 || *start != '0'))
    zeros = 1;
  size_t prefix_length = (sign ? 1 : 0) + strlen(prefix);
  size_t length = prefix_length + zeros + digit_count;
  zeros += pad_start(f, spec, length, spec->precision < 0);
  if (sign)
    put_char(f, sign);
  put(f, prefix, strlen(prefix));
  put_repeated(f, '0', zeros);
  put(f, start, digit_count);
  pad_end(f, spec, length);
}

static char sign_for(const struct spec *spec, int negative) {
  if (negative)
    return '-';
  if (spec->flags & FLAG_PLUS)
    return '+';
  if (spec->flags & FLAG_SPACE)
    return ' ';
  return 0;
}

static void format_signed(struct formatter *f, const struct spec *spec, long long raw) {
  long long value;
  switch (spec->length) {
  case LENGTH_HH:
    value = (signed char)raw;
    break;
  case LENGTH_H:
    value = (short)raw;
    break;
  case LENGTH_NONE:
    value = (int)raw;
    break;
  default:
    value = raw;
    break;
  }
  unsigned long long magnitude =
      value < 0 ? 0ull - (unsigned long long)value : (unsigned long long)value;
  format_integer(f, spec, magnitude, sign_for(spec, value < 0), "");
}

static void format_unsigned(struct formatter *f, const struct spec *spec, long long raw) {
  unsigned long long value;
  switch (spec->length) {
  case LENGTH_HH:
    value = (unsigned char)raw;
    break;
  case LENGTH_H:
    value = (unsigned short)raw;
    break;
  case LENGTH_NONE:
    value = (unsigned int)raw;
    break;
  default:
    value = (unsigned long long)raw;
    break;
  }
  const char *prefix = "";
  if ((spec->flags & FLAG_ALT) && value != 0)
    prefix = spec->conversion == 'x' ? "0x" : spec->conversion == 'X' ? "0X" : "";
  format_integer(f, spec, value, 0, prefix);
}

/* --------------------------------------------------------- text and chars */

static void format_string(struct formatter *f, const struct spec *spec, const char *text) {
  if (!text)
    text = spec->precision < 0 || spec->precision >= 6 ? "(null)" : "";
  size_t length = spec->precision < 0 ? strlen(text) : strnlen(text, (size_t)spec->precision);
  put_field(f, spec, text, length);
}

/* The C locale's multibyte encoding is ASCII: other wide characters fail. */
static void format_wide_string(struct formatter *f, const struct spec *spec, const int *text) {
  if (!text) {
    format_string(f, spec, NULL);
    return;
  }
  size_t limit = spec->precision < 0 ? SIZE_MAX : (size_t)spec->precision;
  size_t length = 0;
  for (; length < limit && text[length]; ++length) {
    if (text[length] < 0 || text[length] > 0x7f) {
      f->error = EILSEQ;
      return;
    }
  }
  pad_start(f, spec, length, 0);
  char chunk[64];
  for (size_t done = 0; done < length;) {
    size_t n = 0;
    for (; n < sizeof chunk && done < length; ++n, ++done)
      chunk[n] = (char)text[done];
    put(f, chunk, n);
  }
  pad_end(f, spec, length);
}

static void format_char(struct formatter *f, const struct spec *spec, long long raw) {
  int wide = spec->conversion == 'C' || spec->length == LENGTH_L;
  if (wide && (unsigned int)raw > 0x7f) {
    f->error = EILSEQ;
    return;
  }
  char ch = (char)(unsigned char)raw;
  put_field(f, spec, &ch, 1);
}

static void format_pointer(struct formatter *f, const struct spec *spec, void *pointer) {
  if (!pointer) {
    struct spec as_string = *spec;
    if (as_string.precision < 5)
      as_string.precision = 5; /* glibc prints "(nil)" whole */
    format_string(f, &as_string, "(nil)");
    return;
  }
  format_integer(f, spec, (uintptr_t)pointer, sign_for(spec, 0), "0x");
}

static void store_count(const struct spec *spec, void *target, size_t count) {
  switch (spec->length) {
  case LENGTH_HH:
    *(signed char *)target = (signed char)count;
    break;
  case LENGTH_H:
    *(short *)target = (short)count;
    break;
  case LENGTH_L:
  case LENGTH_Z:
  case LENGTH_T:
    *(long *)target = (long)count;
    break;
  case LENGTH_LL:
  case LENGTH_J:
  case LENGTH_BIG_L:
    *(long long *)target = (long long)count;
    break;
  default:
    *(int *)target = (int)count;
    break;
  }
}

/* ------------------------------------------------ exact decimal expansion */

#define LIMB_BASE 1000000000u
#define LIMB_DIGITS 9
/* 1 spare limb for a rounding carry, then either up to 35 integer limbs
 * (2^1024 has 309 digits) or 2 integer and up to 120 fraction limbs (2^-1074
 * has 1074 fraction digits). */
#define MAX_LIMBS 124

/* The value is limbs[first..end) in base 10^9, most significant first, with
 * the decimal point before limbs[point]. Digits are numbered from the top of
 * limbs[first], each limb holding exactly 9 of them (leading zeros included). */
struct decimal {
  uint32_t limbs[MAX_LIMBS];
  int first;
  int point;
  int end;
};

static const uint32_t powers_of_ten[10] = {
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
};

/* value: finite and not negative. */
static void decimal_from_double(struct decimal *d, double value) {
  uint64_t bits;
  /* The builtin: in this freestanding library memcpy would be a real call. */
  __builtin_memcpy(&bits, &value, sizeof bits);
  int biased_exponent = (int)(bits >> 52 & 0x7ff);
  uint64_t mantissa = bits & ((1ull << 52) - 1);
  int exponent = -1074;
  if (biased_exponent) {
    mantissa |= 1ull << 52;
    exponent = biased_exponent - 1075;
  }
  /* value = mantissa * 2^exponent, and mantissa < 2^53 < 10^18: two limbs. */
  if (exponent >= 0) {
    d->limbs[MAX_LIMBS - 2] = (uint32_t)(mantissa / LIMB_BASE);
    d->limbs[MAX_LIMBS - 1] = (uint32_t)(mantissa % LIMB_BASE);
    d->first = MAX_LIMBS - 2;
    d->point = d->end = MAX_LIMBS;
    /* Multiply by 2^29 at most per pass, so limb * 2^shift + carry fits 64 bits. */
    while (exponent > 0) {
      int shift = exponent < 29 ? exponent : 29;
      uint64_t carry = 0;
      for (int i = d->end - 1; i >= d->first; --i) {
        uint64_t product = ((uint64_t)d->limbs[i] << shift) + carry;
        d->limbs[i] = (uint32_t)(product % LIMB_BASE);
        carry = product / LIMB_BASE;
      }
      for (; carry; carry /= LIMB_BASE)
        d->limbs[--d->first] = (uint32_t)(carry % LIMB_BASE);
      exponent -= shift;
    }
    d->limbs[--d->first] = 0;
    return;
  }
  d->limbs[0] = 0;
  d->limbs[1] = (uint32_t)(mantissa / LIMB_BASE);
  d->limbs[2] = (uint32_t)(mantissa % LIMB_BASE);
  d->first = 0;
  d->point = d->end = 3;
  /* Divide by 2^9 at most per pass: 10^9 is a multiple of 2^9, so each limb's
   * remainder moves exactly into the next limb, and each pass adds at most one
   * limb at the end. Leading zero limbs stay zero and are skipped. */
  int top = 1;
  while (exponent < 0) {
    int shift = -exponent < 9 ? -exponent : 9;
    uint32_t mask = (1u << shift) - 1;
    uint32_t carry = 0;
    for (int i = top; i < d->end; ++i) {
      uint32_t limb = d->limbs[i];
      d->limbs[i] = (limb >> shift) + carry;
      carry = (limb & mask) * (LIMB_BASE >> shift);
    }
    if (carry)
      d->limbs[d->end++] = carry;
    while (top < d->end - 1 && d->limbs[top] == 0)
      ++top;
    exponent += shift;
  }
}

static long digit_count(const struct decimal *d) {
  return (long)(d->end - d->first) * LIMB_DIGITS;
}

/* The digit index just after the integer part. */
static long point_index(const struct decimal *d) {
  return (long)(d->point - d->first) * LIMB_DIGITS;
}

static unsigned digit_at(const struct decimal *d, long index) {
  if (index < 0 || index >= digit_count(d))
    return 0;
  uint32_t limb = d->limbs[d->first + index / LIMB_DIGITS];
  return limb / powers_of_ten[LIMB_DIGITS - 1 - index % LIMB_DIGITS] % 10;
}

/* Index of the first nonzero digit, or -1 for zero. */
static long first_nonzero_digit(const struct decimal *d) {
  for (int i = d->first; i < d->end; ++i) {
    uint32_t limb = d->limbs[i];
    if (!limb)
      continue;
    int width = 1;
    while (width < LIMB_DIGITS && limb >= powers_of_ten[width])
      ++width;
    return (long)(i - d->first) * LIMB_DIGITS + (LIMB_DIGITS - width);
  }
  return -1;
}

/* Keeps the digits before index `cut` (cut >= 1), rounding half to even, and
 * zeroes the rest so that later reads see the rounded value. */
static void round_decimal(struct decimal *d, long cut) {
  if (cut >= digit_count(d))
    return;
  int index = d->first + (int)(cut / LIMB_DIGITS);
  int kept_digits = (int)(cut % LIMB_DIGITS);
  uint32_t unit = powers_of_ten[LIMB_DIGITS - kept_digits]; /* one in the last kept digit */
  uint32_t dropped = d->limbs[index] % unit;
  int more_below = 0;
  for (int i = index + 1; i < d->end && !more_below; ++i)
    more_below = d->limbs[i] != 0;
  int round_up;
  if (dropped != unit / 2 || more_below) {
    round_up = dropped > unit / 2 || (dropped == unit / 2 && more_below);
  } else {
    uint32_t last_kept = kept_digits ? d->limbs[index] / unit : d->limbs[index - 1];
    round_up = last_kept & 1;
  }
  d->limbs[index] -= dropped;
  for (int i = index + 1; i < d->end; ++i)
    d->limbs[i] = 0;
  if (d->end > index + 1)
    d->end = index + 1 > d->point ? index + 1 : d->point;
  if (!round_up)
    return;
  /* The spare limb at `first` absorbs the last carry. */
  uint32_t sum = d->limbs[index] + unit;
  while (sum >= LIMB_BASE) {
    d->limbs[index--] = sum - LIMB_BASE;
    sum = d->limbs[index] + 1;
  }
  d->limbs[index] = sum;
}

static void put_digits(struct formatter *f, const struct decimal *d, long from, size_t count) {
  char chunk[64];
  size_t n = 0;
  long available = digit_count(d);
  for (; count && from < available; --count, ++from) {
    chunk[n++] = (char)('0' + digit_at(d, from));
    if (n == sizeof chunk) {
      put(f, chunk, n);
      n = 0;
    }
  }
  put(f, chunk, n);
  put_repeated(f, '0', count);
}

static size_t exponent_text(char *out, long exponent) {
  char digits[8];
  char *end = digits + sizeof digits;
  char *start = unsigned_to_text(end, (unsigned long long)(exponent < 0 ? -exponent : exponent), 10,
                                 lower_digits);
  while (end - start < 2)
    *--start = '0';
  out[0] = exponent < 0 ? '-' : '+';
  memcpy(out + 1, start, (size_t)(end - start));
  return 1 + (size_t)(end - start);
}

/* '%f' of a rounded expansion, `precision` fraction digits. */
static void put_fixed(struct formatter *f, const struct spec *spec, const struct decimal *d,
                      char sign, size_t precision) {
  long point = point_index(d);
  long leading = first_nonzero_digit(d);
  long integer_start = leading >= 0 && leading < point ? leading : point - 1;
  size_t integer_digits = (size_t)(point - integer_start);
  int show_point = precision > 0 || (spec->flags & FLAG_ALT);
  size_t length = (sign ? 1 : 0) + integer_digits + (show_point ? 1 : 0) + precision;
  size_t zeros = pad_start(f, spec, length, 1);
  if (sign)
    put_char(f, sign);
  put_repeated(f, '0', zeros);
  put_digits(f, d, integer_start, integer_digits);
  if (show_point)
    put_char(f, '.');
  put_digits(f, d, point, precision);
  pad_end(f, spec, length);
}

/* '%e' of a rounded expansion whose first digit is at `leading`. */
static void put_scientific(struct formatter *f, const struct spec *spec, const struct decimal *d,
                           char sign, long leading, size_t precision, int upper) {
  long exponent = point_index(d) - 1 - leading;
  char exponent_buffer[12];
  exponent_buffer[0] = upper ? 'E' : 'e';
  size_t exponent_length = 1 + exponent_text(exponent_buffer + 1, exponent);
  int show_point = precision > 0 || (spec->flags & FLAG_ALT);
  size_t length = (sign ? 1 : 0) + 1 + (show_point ? 1 : 0) + precision + exponent_length;
  size_t zeros = pad_start(f, spec, length, 1);
  if (sign)
    put_char(f, sign);
  put_repeated(f, '0', zeros);
  put_digits(f, d, leading, 1);
  if (show_point)
    put_char(f, '.');
  put_digits(f, d, leading + 1, precision);
  put(f, exponent_buffer, exponent_length);
  pad_end(f, spec, length);
}

static void format_decimal_float(struct formatter *f, const struct spec *spec, double magnitude,
                                 char sign) {
  struct decimal d;
  decimal_from_double(&d, magnitude);
  char conversion = spec->conversion;
  int upper = conversion == 'E' || conversion == 'G';
  size_t precision = spec->precision < 0 ? 6 : (size_t)spec->precision;
  long point = point_index(&d);

  if (conversion == 'f' || conversion == 'F') {
    round_decimal(&d, point + (long)precision);
    put_fixed(f, spec, &d, sign, precision);
    return;
  }
  if (conversion == 'e' || conversion == 'E') {
    long leading = first_nonzero_digit(&d);
    if (leading < 0) {
      leading = point - 1; /* zero prints as 0.000000e+00 */
    } else {
      round_decimal(&d, leading + 1 + (long)precision);
      leading = first_nonzero_digit(&d);
    }
    put_scientific(f, spec, &d, sign, leading, precision, upper);
    return;
  }

  /* '%g': P significant digits; the exponent X after rounding picks the style. */
  size_t significant = precision == 0 ? 1 : precision;
  long leading = first_nonzero_digit(&d);
  long exponent = 0;
  if (leading < 0) {
    leading = point - 1;
  } else {
    round_decimal(&d, leading + (long)significant);
    leading = first_nonzero_digit(&d);
    exponent = point - 1 - leading;
  }
  int keep_zeros = (spec->flags & FLAG_ALT) != 0;
  if (exponent >= -4 && exponent < (long)significant) {
    size_t fraction = significant - 1 - (size_t)exponent;
    while (!keep_zeros && fraction > 0 && digit_at(&d, point + (long)fraction - 1) == 0)
      --fraction;
    put_fixed(f, spec, &d, sign, fraction);
  } else {
    size_t fraction = significant - 1;
    while (!keep_zeros && fraction > 0 && digit_at(&d, leading + (long)fraction) == 0)
      --fraction;
    put_scientific(f, spec, &d, sign, leading, fraction, upper);
  }
}

/* ------------------------------------------------------ hexadecimal float */

/* '%a' as glibc prints a double: 0x1.<hex>p<exp> for normal numbers and
 * 0x0.<hex>p-1022 for subnormal ones, rounding half to even; a carry into the
 * leading digit makes it 2 (or 1) rather than renormalizing. */
static void format_hex_float(struct formatter *f, const struct spec *spec, double magnitude,
                             char sign) {
  uint64_t bits;
  __builtin_memcpy(&bits, &magnitude, sizeof bits);
  int biased_exponent = (int)(bits >> 52 & 0x7ff);
  uint64_t fraction = bits & ((1ull << 52) - 1);
  unsigned leading = biased_exponent ? 1 : 0;
  long exponent = biased_exponent ? biased_exponent - 1023 : (fraction ? -1022 : 0);
  const int fraction_digits = 13;

  int digits = fraction_digits;
  size_t extra_zeros = 0;
  if (spec->precision < 0) {
    for (; digits > 0 && (fraction & 0xf) == 0; --digits)
      fraction >>= 4;
  } else if (spec->precision < fraction_digits) {
    digits = spec->precision;
    int shift = 4 * (fraction_digits - digits);
    uint64_t kept = fraction >> shift;
    uint64_t dropped = fraction & ((1ull << shift) - 1);
    uint64_t half = 1ull << (shift - 1);
    unsigned last_kept = digits ? (unsigned)kept : leading;
    if (dropped > half || (dropped == half && (last_kept & 1))) {
      ++kept;
      if (kept >> (4 * digits)) {
        ++leading;
        kept = 0;
      }
    }
    fraction = kept;
  } else {
    extra_zeros = (size_t)spec->precision - fraction_digits;
  }

  const char *digit_set = spec->conversion == 'A' ? upper_digits : lower_digits;
  char text[24];
  size_t n = 0;
  text[n++] = digit_set[leading];
  if (digits > 0 || extra_zeros || (spec->flags & FLAG_ALT))
    text[n++] = '.';
  for (int i = digits - 1; i >= 0; --i)
    text[n++] = digit_set[(fraction >> (4 * i)) & 0xf];
  char exponent_buffer[12];
  exponent_buffer[0] = spec->conversion == 'A' ? 'P' : 'p';
  size_t exponent_length = 1 + exponent_text(exponent_buffer + 1, exponent);
  /* glibc writes the exponent with as few digits as it needs. */
  if (exponent_length == 4 && exponent_buffer[2] == '0') {
    exponent_buffer[2] = exponent_buffer[3];
    exponent_length = 3;
  }
  const char *prefix = spec->conversion == 'A' ? "0X" : "0x";
  size_t length = (sign ? 1 : 0) + 2 + n + extra_zeros + exponent_length;
  size_t zeros = pad_start(f, spec, length, 1);
  if (sign)
    put_char(f, sign);
  put(f, prefix, 2);
  put_repeated(f, '0', zeros);
  put(f, text, n);
  put_repeated(f, '0', extra_zeros);
  put(f, exponent_buffer, exponent_length);
  pad_end(f, spec, length);
}

static void format_float(struct formatter *f, const struct spec *spec, double value) {
  int negative = __builtin_signbit(value) != 0;
  double magnitude = negative ? -value : value;
  char sign = sign_for(spec, negative);
  int upper = spec->conversion == 'F' || spec->conversion == 'E' || spec->conversion == 'G' ||
              spec->conversion == 'A';
  if (__builtin_isnan(value) || __builtin_isinf(value)) {
    const char *word = __builtin_isnan(value) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    size_t length = (sign ? 1 : 0) + 3;
    pad_start(f, spec, length, 0);
    if (sign)
      put_char(f, sign);
    put(f, word, 3);
    pad_end(f, spec, length);
    return;
  }
  if (spec->conversion == 'a' || spec->conversion == 'A')
    format_hex_float(f, spec, magnitude, sign);
  else
    format_decimal_float(f, spec, magnitude, sign);
}

/* ------------------------------------------------------------- the engine */

/* Not a conversion: glibc prints the spec back in a canonical form (flags in
 * a fixed order, width and precision as resolved, no length modifier). */
static void put_unknown_spec(struct formatter *f, const struct spec *spec) {
  char text[48];
  size_t n = 0;
  text[n++] = '%';
  if (spec->flags & FLAG_ALT)
    text[n++] = '#';
  if (spec->flags & FLAG_GROUP)
    text[n++] = '\'';
  if (spec->flags & FLAG_PLUS)
    text[n++] = '+';
  else if (spec->flags & FLAG_SPACE)
    text[n++] = ' ';
  if (spec->flags & FLAG_LEFT)
    text[n++] = '-';
  else if (spec->flags & FLAG_ZERO)
    text[n++] = '0';
  if (spec->flags & FLAG_I18N)
    text[n++] = 'I';
  char *end = text + sizeof text;
  if (spec->width) {
    char *digits = unsigned_to_text(end, (unsigned)spec->width, 10, lower_digits);
    memmove(text + n, digits, (size_t)(end - digits));
    n += (size_t)(end - digits);
  }
  if (spec->precision >= 0) {
    text[n++] = '.';
    char *digits = unsigned_to_text(end, (unsigned)spec->precision, 10, lower_digits);
    if (digits == end)
      *--digits = '0';
    memmove(text + n, digits, (size_t)(end - digits));
    n += (size_t)(end - digits);
  }
  text[n++] = spec->conversion;
  put(f, text, n);
}

static void format_one(struct formatter *f, struct spec *spec, struct arg_source *args,
                       int saved_errno) {
  if (spec->width_source != FROM_FORMAT) {
    int width = (int)next_arg(args, ARG_INT, spec->width_source).integer;
    if (width < 0) {
      spec->flags |= FLAG_LEFT;
      if (width == INT_MIN) {
        f->error = EOVERFLOW;
        return;
      }
      width = -width;
    }
    spec->width = width;
  }
  if (spec->precision_source != FROM_FORMAT) {
    int precision = (int)next_arg(args, ARG_INT, spec->precision_source).integer;
    spec->precision = precision < 0 ? -1 : precision;
  }
  enum arg_type type = value_type(spec);
  union arg_value value;
  value.integer = 0;
  if (type != ARG_NONE)
    value = next_arg(args, type, spec->position);

  switch (spec->conversion) {
  case 'd':
  case 'i':
    format_signed(f, spec, value.integer);
    break;
  case 'o':
  case 'u':
  case 'x':
  case 'X':
    format_unsigned(f, spec, value.integer);
    break;
  case 'c':
  case 'C':
    format_char(f, spec, value.integer);
    break;
  case 's':
    if (spec->length == LENGTH_L)
      format_wide_string(f, spec, (const int *)value.pointer);
    else
      format_string(f, spec, (const char *)value.pointer);
    break;
  case 'S':
    format_wide_string(f, spec, (const int *)value.pointer);
    break;
  case 'p':
    format_pointer(f, spec, value.pointer);
    break;
  case 'n':
    store_count(spec, value.pointer, f->sink->total);
    break;
  case 'm':
    format_string(f, spec, strerror(saved_errno));
    break;
  case '%':
    put_char(f, '%');
    break;
  case 'f':
  case 'F':
  case 'e':
  case 'E':
  case 'g':
  case 'G':
  case 'a':
  case 'A':
    format_float(f, spec, type == ARG_LONG_DOUBLE ? (double)value.long_real : value.real);
    break;
  default:
    put_unknown_spec(f, spec);
    break;
  }
}

_Static_assert(sizeof(wchar_t) == sizeof(int), "wide strings are read as int arrays");

int __printf_core(struct printf_sink *sink, const char *format, va_list args) {
  int saved_errno = errno; /* for %m, before anything here can change it */
  struct formatter f = {sink, 0};
  va_list sequential;
  va_copy(sequential, args);
  struct arg_source source = {&sequential, NULL, 0};
  union arg_value by_position[MAX_POSITIONAL_ARGS];
  if (first_spec_is_positional(format)) {
    if (load_positional_args(format, &sequential, by_position, &source.position_count)) {
      va_end(sequential);
      errno = EINVAL;
      return -1;
    }
    source.by_position = by_position;
  }

  const char *p = format;
  while (*p && !f.error) {
    const char *percent = p;
    while (*percent && *percent != '%')
      ++percent;
    put(&f, p, (size_t)(percent - p));
    if (!*percent)
      break;
    struct spec spec;
    const char *next = parse_spec(percent, &spec);
    if (!next) {
      f.error = EOVERFLOW;
      break;
    }
    if (!spec.conversion) {
      f.error = EINVAL; /* the format ends inside a spec */
      break;
    }
    format_one(&f, &spec, &source, saved_errno);
    p = next;
  }
  va_end(sequential);

  if (sink->drain && sink->length && !sink->failed && sink->drain(sink))
    sink->failed = 1;
  if (f.error) {
    errno = f.error;
    return -1;
  }
  if (sink->failed)
    return -1;
  if (sink->total > INT_MAX) {
    errno = EOVERFLOW;
    return -1;
  }
  return (int)sink->total;
}
