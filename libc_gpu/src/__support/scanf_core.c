#include "scanf_core.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the modifiers of one conversion asked for. */
enum {
  SUPPRESS = 1 << 0,    /* '*' */
  CHAR = 1 << 1,        /* hh */
  SHORT = 1 << 2,       /* h */
  LONG = 1 << 3,        /* l, and every 64-bit length: ll j z t q L */
  LONG_DOUBLE = 1 << 4, /* L, ll, q */
  ALLOCATE = 1 << 5,    /* m: the argument is a char ** to fill with malloc's memory */
  POINTER = 1 << 6,     /* %p, which also reads "(nil)" */
};

/* How one conversion ended. */
enum outcome { CONVERTED, MATCH_FAILURE, INPUT_FAILURE, ENCODING_ERROR, OUT_OF_MEMORY };

struct scan {
  struct scanf_source *source;
  /* Characters read and not given back, for %n. */
  size_t consumed;
  /* The character read last, and errno when the input first ended. */
  int last;
  int eof_errno;
  /* The arguments in order, and from the start for "%n$" ones. */
  va_list next;
  va_list first;
  int position; /* the current conversion's "%n$", or 0 */
};

/* Once the input has ended, glibc reads no more in that call: each later
 * read answers EOF and puts errno back to what it was then (so an ERANGE
 * from a number that ran up to the end does not survive the next read). */
static int get(struct scan *s) {
  if (s->last == EOF) {
    errno = s->eof_errno;
    return EOF;
  }
  int ch = s->last = s->source->read(s->source);
  if (ch != EOF)
    ++s->consumed;
  else
    s->eof_errno = errno;
  return ch;
}

static void put_back(struct scan *s, int ch) {
  if (ch == EOF)
    return;
  --s->consumed;
  s->source->unread(s->source, ch);
}

/* Every scanf argument is a pointer. */
static void *argument(struct scan *s) {
  if (!s->position)
    return va_arg(s->next, void *);
  va_list list;
  va_copy(list, s->first);
  for (int i = 1; i < s->position; ++i)
    (void)va_arg(list, void *);
  void *result = va_arg(list, void *);
  va_end(list);
  return result;
}

static void store_integer(void *target, int flags, unsigned long long value) {
  if (flags & LONG)
    *(long long *)target = (long long)value;
  else if (flags & SHORT)
    *(short *)target = (short)value;
  else if (flags & CHAR)
    *(char *)target = (char)value;
  else
    *(int *)target = (int)value;
}

/* A format's decimal number, as glibc reads widths and positions: -1 when
 * it does not fit an int. */
static int read_number(const char **format) {
  int value = 0;
  for (; isdigit((unsigned char)**format); ++*format) {
    int digit = **format - '0';
    if (value >= 0)
      value = value > (INT_MAX - digit) / 10 ? -1 : value * 10 + digit;
  }
  return value;
}

/* An integer field. glibc collects the sign, a "0" and the digits (never the
 * 'x' of "0x"), then converts them with strtol or strtoul: the value is
 * theirs, ERANGE and saturation included. width < 0: no limit. */
static enum outcome scan_integer(struct scan *s, int base, int is_signed, int flags, int width,
                                 unsigned long long *value) {
  int ch = get(s);
  if (ch == EOF)
    return INPUT_FAILURE;
  int negative = 0, has_sign = 0;
  size_t length = 0; /* characters glibc would have collected */
  if (ch == '-' || ch == '+') {
    negative = ch == '-';
    has_sign = 1;
    ++length;
    if (width > 0)
      --width;
    ch = get(s);
  }
  if (width != 0 && ch == '0') {
    if (width > 0)
      --width;
    ++length;
    ch = get(s);
    if (width != 0 && tolower(ch) == 'x') {
      if (base == 0)
        base = 16;
      if (base == 16) {
        if (width > 0)
          --width;
        ch = get(s);
      }
    } else if (base == 0) {
      base = 8;
    }
  }
  if (base == 0)
    base = 10;
  unsigned long long magnitude = 0;
  int overflow = 0;
  while (ch != EOF && width != 0) {
    int digit = isdigit(ch) ? ch - '0' : base == 16 && isxdigit(ch) ? tolower(ch) - 'a' + 10 : base;
    if (digit >= base)
      break;
    if (magnitude > (ULLONG_MAX - (unsigned)digit) / (unsigned)base)
      overflow = 1;
    else
      magnitude = magnitude * (unsigned)base + (unsigned)digit;
    ++length;
    if (width > 0)
      --width;
    ch = get(s);
  }
  if (length == (size_t)has_sign) {
    /* No digits. %p also reads what glibc's printf writes for NULL. */
    if (length == 0 && (flags & POINTER) && (width < 0 || width >= 5) && ch == '(' &&
        tolower(ch = get(s)) == 'n' && tolower(ch = get(s)) == 'i' && tolower(ch = get(s)) == 'l' &&
        (ch = get(s)) == ')') {
      *value = 0;
      return CONVERTED;
    }
    put_back(s, ch);
    return MATCH_FAILURE;
  }
  put_back(s, ch);
  if (is_signed) {
    unsigned long long limit = negative ? (unsigned long long)LONG_MAX + 1 : LONG_MAX;
    if (overflow || magnitude > limit) {
      errno = ERANGE;
      magnitude = limit;
    }
  } else if (overflow) {
    errno = ERANGE;
    magnitude = ULONG_MAX;
    negative = 0;
  }
  *value = negative ? 0 - magnitude : magnitude;
  return CONVERTED;
}

/* Text collected for strtod: on the stack, or the heap when it grows. */
struct text {
  char *data;
  size_t length;
  size_t capacity;
  int failed;
  char local[64];
};

static void text_add(struct text *t, char ch) {
  if (t->length == t->capacity) {
    size_t capacity = t->capacity * 2;
    char *data =
        t->data == t->local ? (char *)malloc(capacity) : (char *)realloc(t->data, capacity);
    if (!data) {
      t->failed = 1;
      return;
    }
    if (t->data == t->local)
      memcpy(data, t->local, t->length);
    t->data = data;
    t->capacity = capacity;
  }
  t->data[t->length++] = ch;
}

/* Reads the letters of rest, after a word's first (already read and kept);
 * 0 when one differs: that character stays consumed, as in glibc. */
static int read_word(struct scan *s, struct text *t, int *width, const char *rest) {
  for (; *rest; ++rest) {
    int ch;
    if (*width == 0 || (ch = get(s)) == EOF || tolower(ch) != *rest)
      return 0;
    if (*width > 0)
      --*width;
    text_add(t, (char)ch);
  }
  return 1;
}

/* Collects a floating field as glibc does: a sign, "nan", "inf" or
 * "infinity", or digits with one '.', an exponent and its sign ("0x" digits
 * and a 'p' exponent for hexadecimal). Whatever strtod accepts of that is
 * the value. */
static enum outcome collect_float(struct scan *s, struct text *t, int width) {
  int ch = get(s);
  if (width > 0)
    --width;
  if (ch == EOF)
    return INPUT_FAILURE;
  size_t sign_length = 0;
  if (ch == '-' || ch == '+') {
    sign_length = 1;
    text_add(t, (char)ch);
    if (width == 0 || (ch = get(s)) == EOF)
      return MATCH_FAILURE;
    if (width > 0)
      --width;
  }
  if (tolower(ch) == 'n') {
    text_add(t, (char)ch);
    return read_word(s, t, &width, "an") ? CONVERTED : MATCH_FAILURE;
  }
  if (tolower(ch) == 'i') {
    text_add(t, (char)ch);
    if (!read_word(s, t, &width, "nf"))
      return MATCH_FAILURE;
    if (width != 0 && (ch = get(s)) != EOF) {
      if (tolower(ch) != 'i') {
        put_back(s, ch);
        return CONVERTED;
      }
      if (width > 0)
        --width;
      text_add(t, (char)ch);
      if (!read_word(s, t, &width, "nity"))
        return MATCH_FAILURE;
    }
    return CONVERTED;
  }
  int hex = 0, got_digit = 0, got_dot = 0, got_exponent = 0;
  char exponent_letter = 'e';
  if (width != 0 && ch == '0') {
    text_add(t, (char)ch);
    ch = get(s);
    if (width > 0)
      --width;
    if (width != 0 && tolower(ch) == 'x') {
      text_add(t, (char)ch);
      hex = 1;
      exponent_letter = 'p';
      ch = get(s);
      if (width > 0)
        --width;
    } else {
      got_digit = 1;
    }
  }
  for (;;) {
    if (isdigit(ch) || (hex && !got_exponent && isxdigit(ch))) {
      text_add(t, (char)ch);
      got_digit = 1;
    } else if (got_exponent && t->length && t->data[t->length - 1] == exponent_letter &&
               (ch == '-' || ch == '+')) {
      text_add(t, (char)ch);
    } else if (got_digit && !got_exponent && tolower(ch) == exponent_letter) {
      text_add(t, exponent_letter);
      got_exponent = got_dot = 1;
    } else if (!got_dot && ch == '.') {
      text_add(t, (char)ch);
      got_dot = 1;
    } else {
      put_back(s, ch);
      break;
    }
    if (width == 0 || (ch = get(s)) == EOF)
      break;
    if (width > 0)
      --width;
  }
  /* A sign alone, or "0x" without digits, is no number. */
  if (t->length == sign_length || (hex && t->length == sign_length + 2))
    return MATCH_FAILURE;
  return CONVERTED;
}

static enum outcome scan_float(struct scan *s, int flags, int width) {
  struct text t = {.capacity = sizeof t.local};
  t.data = t.local;
  enum outcome outcome = collect_float(s, &t, width);
  text_add(&t, '\0');
  if (t.failed) {
    outcome = OUT_OF_MEMORY;
  } else if (outcome == CONVERTED) {
    char *end;
    if (flags & LONG_DOUBLE) {
      long double value = strtold(t.data, &end);
      if (end != t.data && !(flags & SUPPRESS))
        *(long double *)argument(s) = value;
    } else if (flags & LONG) {
      double value = strtod(t.data, &end);
      if (end != t.data && !(flags & SUPPRESS))
        *(double *)argument(s) = value;
    } else {
      float value = strtof(t.data, &end);
      if (end != t.data && !(flags & SUPPRESS))
        *(float *)argument(s) = value;
    }
    if (end == t.data)
      outcome = MATCH_FAILURE;
  }
  if (t.data != t.local)
    free(t.data);
  return outcome;
}

/* Where %c, %s and %[ put their characters: the argument's array (of char,
 * or of wchar_t for the wide ones), or memory malloc gives for 'm'. */
struct destination {
  int flags;
  int wide;
  char *data;
  char **allocated; /* the caller's pointer, with ALLOCATE */
  size_t length;    /* characters stored */
  size_t capacity;  /* characters data holds, with ALLOCATE */
};

static size_t unit(const struct destination *d) {
  return d->wide ? sizeof(wchar_t) : 1;
}

static int destination_open(struct scan *s, struct destination *d, int flags, int wide,
                            size_t capacity) {
  *d = (struct destination){.flags = flags, .wide = wide};
  if (flags & SUPPRESS)
    return 1;
  if (!(flags & ALLOCATE)) {
    d->data = (char *)argument(s);
    return 1;
  }
  d->allocated = (char **)argument(s);
  d->capacity = capacity;
  d->data = (char *)malloc(capacity * unit(d));
  *d->allocated = d->data;
  return d->data != NULL;
}

static int destination_add(struct destination *d, int ch) {
  if (d->flags & SUPPRESS)
    return 1;
  if ((d->flags & ALLOCATE) && d->length == d->capacity) {
    char *data = (char *)realloc(d->data, d->capacity * 2 * unit(d));
    if (!data)
      return 0;
    d->data = *d->allocated = data;
    d->capacity *= 2;
  }
  if (d->wide)
    ((wchar_t *)d->data)[d->length] = (wchar_t)ch;
  else
    d->data[d->length] = (char)ch;
  ++d->length;
  return 1;
}

/* After a conversion that stored: the terminating NUL for %s and %[, and
 * allocated memory trimmed to fit. */
static int destination_close(struct destination *d, int terminate) {
  if (d->flags & SUPPRESS)
    return 1;
  if (terminate && !destination_add(d, 0))
    return 0;
  if ((d->flags & ALLOCATE) && d->length < d->capacity) {
    char *data = (char *)realloc(d->data, d->length * unit(d));
    if (data)
      *d->allocated = data;
  }
  return 1;
}

/* A conversion that failed leaves no allocation behind: the caller's
 * pointer is NULL, as glibc leaves it. */
static void destination_abandon(struct destination *d) {
  if ((d->flags & (ALLOCATE | SUPPRESS)) == ALLOCATE && d->allocated) {
    free(d->data);
    *d->allocated = NULL;
  }
}

/* Stores one input byte; the wide conversions take ASCII alone (the C
 * locale's multibyte characters), even when suppressed, as glibc. */
static enum outcome keep(struct destination *d, int ch) {
  if (d->wide && ch > 0x7f) {
    errno = EILSEQ;
    return ENCODING_ERROR;
  }
  return destination_add(d, ch) ? CONVERTED : OUT_OF_MEMORY;
}

/* %c: width characters (1 by default), white space included; fewer at the
 * end of input still count, as in glibc. */
static enum outcome scan_characters(struct scan *s, struct destination *d, int width) {
  int ch = get(s);
  if (ch == EOF)
    return INPUT_FAILURE;
  do {
    enum outcome outcome = keep(d, ch);
    if (outcome != CONVERTED)
      return outcome;
  } while (--width > 0 && (ch = get(s)) != EOF);
  return destination_close(d, 0) ? CONVERTED : OUT_OF_MEMORY;
}

/* %s, and %[ with a set: the longest run (up to width) of characters that
 * are not white space, or that set[ch] admits. */
static enum outcome scan_run(struct scan *s, struct destination *d, int width, const char *set) {
  size_t before = s->consumed;
  int ch = get(s);
  if (ch == EOF)
    return INPUT_FAILURE;
  do {
    if (set ? !set[ch] : isspace(ch) != 0) {
      put_back(s, ch);
      break;
    }
    /* glibc's %l[ converts nothing when suppressed. */
    enum outcome outcome = set && (d->flags & SUPPRESS) ? CONVERTED : keep(d, ch);
    if (outcome != CONVERTED)
      return outcome;
  } while ((width <= 0 || --width > 0) && (ch = get(s)) != EOF);
  if (set && s->consumed == before)
    return MATCH_FAILURE;
  return destination_close(d, 1) ? CONVERTED : OUT_OF_MEMORY;
}

/* The set of %[ from the format after '[', into set[256] (1: admitted);
 * *format moves past its ']'. 0 when the format ends first. As glibc: a ']'
 * or '-' first is an ordinary member, "a-z" is a range when a <= z, and
 * other '-' are members. */
static int parse_set(const char **format, char *set) {
  const unsigned char *f = (const unsigned char *)*format;
  int negate = *f == '^';
  if (negate)
    ++f;
  memset(set, 0, 256);
  if (*f == ']' || *f == '-')
    set[*f++] = 1;
  unsigned ch;
  while ((ch = *f++) != '\0' && ch != ']') {
    if (ch == '-' && *f != '\0' && *f != ']' && f[-2] <= *f) {
      /* The characters from the one before '-' up to the one after, which
       * the next round adds. */
      for (unsigned c = f[-2]; c < *f; ++c)
        set[c] = 1;
    } else {
      set[ch] = 1;
    }
  }
  *format = (const char *)f;
  if (ch == '\0')
    return 0;
  if (negate)
    for (int c = 0; c < 256; ++c)
      set[c] = !set[c];
  return 1;
}

int __scanf_core(struct scanf_source *source, const char *format, va_list args) {
  struct scan s = {.source = source};
  va_copy(s.next, args);
  va_copy(s.first, args);
  int done = 0;
  /* White space in the format is skipped in the input lazily, before the
   * next directive, as glibc does. */
  int skip_space = 0;
  enum outcome outcome = CONVERTED;
  const char *f = format;
  while (*f && outcome == CONVERTED) {
    unsigned char fc = (unsigned char)*f++;
    if (fc != '%') {
      if (isspace(fc)) {
        skip_space = 1;
        continue;
      }
      int ch = get(&s);
      while (skip_space && isspace(ch))
        ch = get(&s);
      skip_space = 0;
      if (ch == EOF)
        outcome = INPUT_FAILURE;
      else if (ch != fc) {
        put_back(&s, ch);
        outcome = MATCH_FAILURE;
      }
      continue;
    }

    int flags = 0, width = 0;
    s.position = 0;
    if (isdigit((unsigned char)*f)) {
      int number = read_number(&f);
      if (*f == '$') {
        ++f;
        s.position = number;
      } else {
        width = number;
        goto got_width; /* digits without '$' were the width */
      }
    }
    for (;; ++f) {
      if (*f == '*')
        flags |= SUPPRESS;
      else if (*f != '\'' && *f != 'I') /* grouping and locale digits: no-ops here */
        break;
    }
    if (isdigit((unsigned char)*f))
      width = read_number(&f);
  got_width:
    if (width == 0)
      width = -1;
    switch (*f++) {
    case 'h':
      flags |= *f == 'h' ? (++f, CHAR) : SHORT;
      break;
    case 'l':
      flags |= *f == 'l' ? (++f, LONG | LONG_DOUBLE) : LONG;
      break;
    case 'L':
    case 'q':
      flags |= LONG | LONG_DOUBLE;
      break;
    case 'j':
    case 'z':
    case 't':
      flags |= LONG;
      break;
    case 'm':
      flags |= ALLOCATE;
      if (*f == 'l') {
        ++f;
        flags |= LONG;
      }
      break;
    default:
      --f;
      break;
    }
    fc = (unsigned char)*f;
    if (!fc) {
      outcome = MATCH_FAILURE; /* the format ends inside a conversion */
      break;
    }
    ++f;

    if (skip_space || (fc != '[' && fc != 'c' && fc != 'C' && fc != 'n')) {
      /* errno as it was: glibc keeps its reads here from changing it. */
      int saved_errno = errno;
      errno = 0;
      int ch;
      do
        ch = get(&s);
      while (isspace(ch));
      put_back(&s, ch);
      errno = saved_errno;
      skip_space = 0;
    }

    switch (fc) {
    case '%': {
      int ch = get(&s);
      if (ch == EOF)
        outcome = INPUT_FAILURE;
      else if (ch != '%') {
        put_back(&s, ch);
        outcome = MATCH_FAILURE;
      }
      break;
    }
    case 'n':
      if (!(flags & SUPPRESS))
        store_integer(argument(&s), flags, s.consumed);
      break;
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
    case 'p': {
      int base = fc == 'd' || fc == 'u' ? 10 : fc == 'i' ? 0 : fc == 'o' ? 8 : 16;
      if (fc == 'p')
        flags = (flags & ~(SHORT | LONG_DOUBLE)) | LONG | POINTER;
      unsigned long long value;
      outcome = scan_integer(&s, base, fc == 'd' || fc == 'i', flags, width, &value);
      if (outcome == CONVERTED && !(flags & SUPPRESS)) {
        store_integer(argument(&s), flags, value);
        ++done;
      }
      break;
    }
    case 'a':
    case 'A':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      outcome = scan_float(&s, flags, width);
      if (outcome == CONVERTED && !(flags & SUPPRESS))
        ++done;
      break;
    case 'C':
    case 'c':
    case 'S':
    case 's':
    case '[': {
      if (fc == 'C' || fc == 'S')
        flags |= LONG;
      int is_c = fc == 'c' || fc == 'C';
      if (is_c && width < 0)
        width = 1;
      struct destination d;
      if (!destination_open(&s, &d, flags, (flags & LONG) != 0,
                            is_c && width < 1024 ? (size_t)width : 100)) {
        outcome = OUT_OF_MEMORY;
        break;
      }
      char set[256];
      int is_set = fc == '[';
      /* glibc reads the set before it looks at the input. */
      if (is_set && !parse_set(&f, set))
        outcome = MATCH_FAILURE;
      else if (is_c)
        outcome = scan_characters(&s, &d, width);
      else
        outcome = scan_run(&s, &d, width, is_set ? set : NULL);
      if (outcome != CONVERTED)
        destination_abandon(&d);
      else if (!(flags & SUPPRESS))
        ++done;
      break;
    }
    default:
      outcome = MATCH_FAILURE;
      break;
    }
  }
  /* White space that ends the format takes the input's. */
  if (outcome == CONVERTED && skip_space) {
    int ch;
    do
      ch = get(&s);
    while (isspace(ch));
    put_back(&s, ch);
  }
  if (outcome == OUT_OF_MEMORY || (outcome == INPUT_FAILURE && done == 0))
    done = EOF;
  va_end(s.next);
  va_end(s.first);
  return done;
}
