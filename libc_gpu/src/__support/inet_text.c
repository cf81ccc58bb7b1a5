#include "inet_text.h"

static int is_digit(char c) {
  return c >= '0' && c <= '9';
}

static int hex_value(char c) {
  if (is_digit(c))
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

int __inet_parse4(const char *text, uint8_t out[4]) {
  uint8_t bytes[4];
  for (int part = 0; part < 4; ++part) {
    if (part && *text++ != '.')
      return 0;
    if (!is_digit(*text))
      return 0;
    /* "0" alone, or no leading zero. */
    if (text[0] == '0' && is_digit(text[1]))
      return 0;
    unsigned value = 0;
    for (; is_digit(*text); ++text) {
      value = value * 10 + (unsigned)(*text - '0');
      if (value > 255)
        return 0;
    }
    bytes[part] = (uint8_t)value;
  }
  if (*text)
    return 0;
  for (int i = 0; i < 4; ++i)
    out[i] = bytes[i];
  return 1;
}

int __inet_parse6(const char *text, uint8_t out[16]) {
  uint8_t bytes[16] = {0};
  int length = 0; /* bytes written */
  int gap = -1;   /* where "::" stands, in bytes */
  const char *p = text;
  if (*p == ':') {
    if (p[1] != ':')
      return 0;
    gap = 0;
    p += 2;
    if (!*p)
      goto done;
  }
  for (;;) {
    const char *group = p;
    unsigned value = 0;
    int digits = 0;
    for (int v; (v = hex_value(*p)) >= 0; ++p) {
      if (++digits > 4)
        return 0;
      value = value << 4 | (unsigned)v;
    }
    if (*p == '.') {
      /* An IPv4 tail: the last 4 bytes. */
      if (length > 12 || !__inet_parse4(group, bytes + length))
        return 0;
      length += 4;
      break;
    }
    if (!digits || length == 16)
      return 0;
    bytes[length++] = (uint8_t)(value >> 8);
    bytes[length++] = (uint8_t)value;
    if (!*p)
      break;
    if (*p != ':')
      return 0;
    ++p;
    if (*p == ':') {
      if (gap >= 0)
        return 0;
      gap = length;
      ++p;
      if (!*p)
        break;
    } else if (!*p) {
      return 0; /* a trailing single ':' */
    }
  }
done:
  if (gap >= 0) {
    /* "::" stands for at least one zero group. */
    if (length > 14)
      return 0;
    int moved = length - gap;
    for (int i = 1; i <= moved; ++i) {
      bytes[16 - i] = bytes[length - i];
      bytes[length - i] = 0;
    }
  } else if (length != 16) {
    return 0;
  }
  for (int i = 0; i < 16; ++i)
    out[i] = bytes[i];
  return 1;
}

/* One part of inet_aton's text: 0x... hexadecimal, 0... octal, else
 * decimal. Saturates at 2^32, which no part may reach. */
static const char *aton_part(const char *text, uint64_t *value) {
  unsigned base = 10;
  /* "0x" with no hexadecimal digit after it is a 0 followed by an 'x'. */
  if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X') && hex_value(text[2]) >= 0) {
    base = 16;
    text += 2;
  } else if (text[0] == '0') {
    base = 8;
  }
  uint64_t v = 0;
  for (;; ++text) {
    int digit = hex_value(*text);
    if (digit < 0 || (unsigned)digit >= base)
      break;
    v = v * base + (unsigned)digit;
    if (v > 0xffffffffu)
      v = 0x100000000u;
  }
  *value = v;
  return text;
}

static int is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

int __inet_parse_aton(const char *text, int exact, uint8_t out[4]) {
  uint64_t parts[4];
  int count = 0;
  for (;;) {
    if (!is_digit(*text))
      return 0;
    text = aton_part(text, &parts[count++]);
    if (*text != '.')
      break;
    if (count == 4)
      return 0;
    ++text;
  }
  if (*text && (exact || !is_space(*text)))
    return 0;
  /* Every part but the last is one byte; the last fills what is left. */
  for (int i = 0; i < count - 1; ++i)
    if (parts[i] > 0xff)
      return 0;
  uint64_t last = parts[count - 1];
  if (last > (0xffffffffu >> (8 * (count - 1))))
    return 0;
  uint32_t value = (uint32_t)last;
  for (int i = 0; i < count - 1; ++i)
    value |= (uint32_t)parts[i] << (24 - 8 * i);
  out[0] = (uint8_t)(value >> 24);
  out[1] = (uint8_t)(value >> 16);
  out[2] = (uint8_t)(value >> 8);
  out[3] = (uint8_t)value;
  return 1;
}

static char *put_decimal(char *out, uint32_t value) {
  char digits[10];
  int n = 0;
  do {
    digits[n++] = (char)('0' + value % 10);
    value /= 10;
  } while (value);
  while (n)
    *out++ = digits[--n];
  return out;
}

size_t __inet_format_decimal(uint32_t value, char out[11]) {
  char *end = put_decimal(out, value);
  *end = 0;
  return (size_t)(end - out);
}

size_t __inet_format4(const uint8_t address[4], char out[16]) {
  char *p = out;
  for (int i = 0; i < 4; ++i) {
    if (i)
      *p++ = '.';
    p = put_decimal(p, address[i]);
  }
  *p = 0;
  return (size_t)(p - out);
}

size_t __inet_format6(const uint8_t address[16], char out[46]) {
  unsigned groups[8];
  for (int i = 0; i < 8; ++i)
    groups[i] = (unsigned)address[2 * i] << 8 | address[2 * i + 1];
  /* The longest run of zero groups, the first of equal ones; one group
   * alone is not shortened (RFC 5952, 4.2.2). */
  int best = -1, best_length = 1;
  for (int i = 0; i < 8;) {
    if (groups[i]) {
      ++i;
      continue;
    }
    int start = i;
    while (i < 8 && !groups[i])
      ++i;
    if (i - start > best_length) {
      best = start;
      best_length = i - start;
    }
  }
  /* ::a.b.c.d (the old compatible form) and ::ffff:a.b.c.d (mapped). */
  int ipv4_tail = best == 0 && (best_length == 6 || (best_length == 5 && groups[5] == 0xffff));
  static const char hex[] = "0123456789abcdef";
  char *p = out;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      *p++ = ':';
      if (i == 0)
        *p++ = ':';
      i += best_length - 1;
      continue;
    }
    if (ipv4_tail && i == 6) {
      p += __inet_format4(address + 12, p);
      break;
    }
    unsigned g = groups[i];
    int started = 0;
    for (int shift = 12; shift >= 0; shift -= 4) {
      unsigned nibble = (g >> shift) & 0xf;
      if (nibble || started || shift == 0) {
        *p++ = hex[nibble];
        started = 1;
      }
    }
    if (i < 7)
      *p++ = ':';
  }
  *p = 0;
  return (size_t)(p - out);
}
