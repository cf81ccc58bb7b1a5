#include "scanf_core.h"

#include <ctype.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "str_to_integer.h"

enum length { NONE, HH, H, L, LL, J, Z, T, LD };

static void store_integer(va_list *args, enum length length, unsigned long long value) {
  switch (length) {
  case HH:
    *va_arg(*args, char *) = (char)value;
    break;
  case H:
    *va_arg(*args, short *) = (short)value;
    break;
  case L:
    *va_arg(*args, long *) = (long)value;
    break;
  case LL:
  case J:
    *va_arg(*args, long long *) = (long long)value;
    break;
  case Z:
    *va_arg(*args, size_t *) = (size_t)value;
    break;
  case T:
    *va_arg(*args, ptrdiff_t *) = (ptrdiff_t)value;
    break;
  default:
    *va_arg(*args, int *) = (int)value;
    break;
  }
}

/* Whether ch is in the scan set that starts after "[" (and "^"). */
static int in_set(const char *set, const char *set_end, unsigned char ch) {
  for (const char *p = set; p < set_end; ++p) {
    if (p + 2 < set_end && p[1] == '-' && p != set) {
      if (ch >= (unsigned char)p[0] && ch <= (unsigned char)p[2])
        return 1;
      p += 2;
    } else if ((unsigned char)*p == ch) {
      return 1;
    }
  }
  return 0;
}

int __scanf_core(const char *input, const char *format, va_list va) {
  va_list args;
  va_copy(args, va);
  const char *s = input;
  int assigned = 0, converted = 0;
  for (const char *f = format; *f; ++f) {
    if (isspace((unsigned char)*f)) {
      while (isspace((unsigned char)*s))
        ++s;
      continue;
    }
    if (*f != '%' || f[1] == '%') {
      if (*f == '%') {
        ++f;
        while (isspace((unsigned char)*s))
          ++s;
      }
      if (*s != *f)
        break;
      ++s;
      continue;
    }
    ++f;
    int suppress = *f == '*';
    if (suppress)
      ++f;
    size_t width = 0;
    while (isdigit((unsigned char)*f))
      width = width * 10 + (size_t)(*f++ - '0');
    enum length length = NONE;
    if (*f == 'h')
      length = *++f == 'h' ? (++f, HH) : H;
    else if (*f == 'l')
      length = *++f == 'l' ? (++f, LL) : L;
    else if (*f == 'j' || *f == 'z' || *f == 't' || *f == 'L' || *f == 'q')
      length = *f == 'j' ? J : *f == 'z' ? Z : *f == 't' ? T : *f == 'L' ? LD : LL, ++f;
    char c = *f;
    if (!c)
      break;
    if (c != 'c' && c != '[' && c != 'n')
      while (isspace((unsigned char)*s))
        ++s;
    if (!*s && c != 'n') {
      if (!converted)
        assigned = EOF; /* input failure before the first conversion */
      goto done;
    }

    switch (c) {
    case 'n':
      if (!suppress)
        store_integer(&args, length, (unsigned long long)(s - input));
      continue;
    case 'c': {
      size_t n = width ? width : 1;
      if (strnlen(s, n) < n)
        goto done;
      if (!suppress) {
        memcpy(va_arg(args, char *), s, n);
        ++assigned;
      }
      s += n;
      break;
    }
    case 's':
    case '[': {
      const char *set = NULL, *set_end = NULL;
      int negate = 0;
      if (c == '[') {
        ++f;
        negate = *f == '^';
        if (negate)
          ++f;
        set = f;
        if (*f == ']')
          ++f;
        while (*f && *f != ']')
          ++f;
        if (!*f)
          goto done;
        set_end = f;
      }
      const char *start = s;
      while (*s && (!width || (size_t)(s - start) < width) &&
             (c == 's' ? !isspace((unsigned char)*s)
                       : in_set(set, set_end, (unsigned char)*s) != negate))
        ++s;
      if (s == start)
        goto done;
      if (!suppress) {
        char *out = va_arg(args, char *);
        memcpy(out, start, (size_t)(s - start));
        out[s - start] = '\0';
        ++assigned;
      }
      break;
    }
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
    case 'p': {
      int base = c == 'd' || c == 'u' ? 10 : c == 'i' ? 0 : c == 'o' ? 8 : 16;
      char buffer[80];
      size_t n = strnlen(s, width && width < sizeof buffer - 1 ? width : sizeof buffer - 1);
      memcpy(buffer, s, n);
      buffer[n] = '\0';
      char *end;
      int is_signed = c == 'd' || c == 'i';
      unsigned long long value =
          __str_to_integer(buffer, &end, base, is_signed, is_signed ? LLONG_MAX : ULLONG_MAX);
      if (end == buffer)
        goto done;
      s += end - buffer;
      if (!suppress) {
        if (c == 'p')
          *va_arg(args, void **) = (void *)(uintptr_t)value;
        else
          store_integer(&args, length, value);
        ++assigned;
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
    case 'G': {
      char buffer[512];
      size_t n = strnlen(s, width && width < sizeof buffer - 1 ? width : sizeof buffer - 1);
      memcpy(buffer, s, n);
      buffer[n] = '\0';
      char *end;
      long double value = strtold(buffer, &end);
      if (end == buffer)
        goto done;
      s += end - buffer;
      if (!suppress) {
        if (length == LD)
          *va_arg(args, long double *) = value;
        else if (length == L)
          *va_arg(args, double *) = strtod(buffer, NULL);
        else
          *va_arg(args, float *) = strtof(buffer, NULL);
        ++assigned;
      }
      break;
    }
    default:
      goto done;
    }
    ++converted;
  }
done:
  va_end(args);
  return assigned;
}
