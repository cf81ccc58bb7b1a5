// Text to numbers in 32 VMs against glibc: strtol, strtoul, strtoll,
// strtoull (every base, 0 included), strtod and strtof, atoi, and sscanf's
// numeric conversions, on 20 000 generated strings (spaces, signs, 0x and 0
// prefixes, digits of the wrong base, overflow, decimal and hex floats,
// exponents, inf and nan spellings, junk after the number). For each: the
// value (floats as bits), how far the parse went, and errno.
// RUN: rm -rf %t && mkdir -p %t/logs
// RUN: %glibc-cc %s -o %t/glibc.exe && %t/glibc.exe > %t/expected
// RUN: %gpucxx --target=host -O2 -I%S %s -o %t/strto.img
// RUN: %gpuvm run %t/strto.img --vms 32 --log-dir %t/logs -- {vm} 32 2>%t/err
// RUN: for k in $(seq 0 31); do cat %t/logs/vm-$k.out; done > %t/vms
// RUN: diff %t/expected %t/vms
// RUN: FileCheck %s < %t/err
// RUN: wc -l < %t/vms | FileCheck %s --check-prefix=LINES
// CHECK: 32 exited with status 0
// LINES: 20000
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"

enum { CASES = 20000 };

static const char *pick(uint64_t *state, const char *const *choices, size_t count) {
  return choices[next_random(state) % count];
}
#define PICK(state, array) pick(state, array, sizeof array / sizeof *array)

static void append_digits(uint64_t *state, char **p, const char *alphabet, unsigned count) {
  size_t size = strlen(alphabet);
  for (unsigned i = 0; i < count; ++i)
    *(*p)++ = alphabet[next_random(state) % size];
}

// A string that is a number, nearly one, or not one at all.
static void make_text(uint64_t *state, char *text) {
  static const char *const spaces[] = {"", "", " ", "\t\n ", "\v"};
  static const char *const signs[] = {"", "", "-", "+", "--", "+-"};
  static const char *const prefixes[] = {"", "", "", "0x", "0X", "0", "0b", "x"};
  static const char *const tails[] = {"", "", " rest", "z", ".", "e", "e+", "p3", "x1"};
  static const char *const words[] = {"inf", "-INF",     "infinity", "infinit",
                                      "nan", "NaN(123)", "nan(",     "+nan(x_y)",
                                      "in",  "0x",       "0x.p1",    "."};
  char *p = text;
  p = stpcpy(p, PICK(state, spaces));
  uint64_t kind = next_random(state) % 10;
  if (kind == 0) {
    p = stpcpy(p, PICK(state, words));
  } else {
    p = stpcpy(p, PICK(state, signs));
    const char *prefix = PICK(state, prefixes);
    p = stpcpy(p, prefix);
    int hex = prefix[0] == '0' && (prefix[1] == 'x' || prefix[1] == 'X');
    const char *alphabet = hex        ? "0123456789abcdefABCDEF"
                           : kind < 4 ? "0123456789"
                                      : "0123456789az";
    // Up to 40 digits: past every integer type's range and past double's
    // 17 significant digits.
    append_digits(state, &p, alphabet, (unsigned)(next_random(state) % 41));
    if (kind >= 6) {
      *p++ = '.';
      append_digits(state, &p, alphabet, (unsigned)(next_random(state) % 25));
    }
    if (kind >= 8) {
      *p++ = hex ? 'p' : (next_random(state) & 1 ? 'e' : 'E');
      p = stpcpy(p, PICK(state, signs));
      append_digits(state, &p, "0123456789", (unsigned)(next_random(state) % 5));
    }
  }
  p = stpcpy(p, PICK(state, tails));
  *p = '\0';
}

int main(int argc, char **argv) {
  static const int bases[] = {0, 10, 16, 8, 2, 36, 7};
  struct cases mine = cases_of(argc, argv, CASES);
  for (unsigned long n = mine.begin; n < mine.end; ++n) {
    uint64_t state = case_seed(n);
    char text[160];
    make_text(&state, text);
    int base = bases[next_random(&state) % (sizeof bases / sizeof *bases)];
    printf("%lu \"", n);
    for (const char *c = text; *c; ++c) // one line per case: escape the spaces that break lines
      printf(*c == '\n' ? "\\n" : *c == '\t' ? "\\t" : *c == '\v' ? "\\v" : "%c", *c);
    printf("\" base %d:", base);
    char *end;

    errno = 0;
    long l = strtol(text, &end, base);
    printf(" l=%ld,%td,%d", l, end - text, errno);
    errno = 0;
    unsigned long ul = strtoul(text, &end, base);
    printf(" ul=%lu,%td,%d", ul, end - text, errno);
    errno = 0;
    long long ll = strtoll(text, &end, base);
    printf(" ll=%lld,%td,%d", ll, end - text, errno);
    errno = 0;
    unsigned long long ull = strtoull(text, &end, base);
    printf(" ull=%llu,%td,%d", ull, end - text, errno);

    errno = 0;
    double d = strtod(text, &end);
    uint64_t d_bits;
    memcpy(&d_bits, &d, sizeof d_bits);
    // NaN payloads from "nan(...)" are the library's choice; the sign and
    // NaN-ness are not.
    if (d != d)
      d_bits = (d_bits >> 63) << 63 | 0x7ff8000000000000;
    printf(" d=%016llx,%td,%d", (unsigned long long)d_bits, end - text, errno);
    errno = 0;
    float f = strtof(text, &end);
    uint32_t f_bits;
    memcpy(&f_bits, &f, sizeof f_bits);
    if (f != f)
      f_bits = (f_bits >> 31) << 31 | 0x7fc00000;
    printf(" f=%08x,%td,%d", (unsigned)f_bits, end - text, errno);

    int i = 0, consumed = -1;
    int assigned = sscanf(text, "%i%n", &i, &consumed);
    printf(" scanf_i=%d,%d,%d", assigned, assigned == 1 ? i : 0, assigned == 1 ? consumed : -1);
    unsigned x = 0;
    consumed = -1;
    assigned = sscanf(text, "%x%n", &x, &consumed);
    printf(" scanf_x=%d,%u,%d", assigned, assigned == 1 ? x : 0, assigned == 1 ? consumed : -1);
    double g = 0;
    consumed = -1;
    assigned = sscanf(text, "%lg%n", &g, &consumed);
    memcpy(&d_bits, &g, sizeof d_bits);
    if (g != g)
      d_bits = (d_bits >> 63) << 63 | 0x7ff8000000000000;
    printf(" scanf_g=%d,%016llx,%d\n", assigned, assigned == 1 ? (unsigned long long)d_bits : 0,
           assigned == 1 ? consumed : -1);
  }
  return 0;
}
