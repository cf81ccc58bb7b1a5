/* libc_gpu's strtol family against glibc's: value, end pointer and errno, on
 * generated strings (white space, signs, prefixes, digits of every base,
 * junk, overflowing lengths) in every base, valid or not. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "libc_gpu_host.h"
#include "vs_glibc.h"

enum parser { PARSE_L, PARSE_LL, PARSE_UL, PARSE_ULL, PARSE_IMAX, PARSE_UMAX, PARSER_COUNT };
static const char *const parser_names[] = {"strtol",   "strtoll",   "strtoul",
                                           "strtoull", "strtoimax", "strtoumax"};

/* Runs one parser of one library; the value comes back as its bits. */
static unsigned long long parse(int ours, enum parser parser, const char *text, char **end,
                                int base) {
  switch (parser) {
  case PARSE_L:
    return (unsigned long long)(ours ? libc_gpu_strtol(text, end, base) : strtol(text, end, base));
  case PARSE_LL:
    return (unsigned long long)(ours ? libc_gpu_strtoll(text, end, base)
                                     : strtoll(text, end, base));
  case PARSE_UL:
    return ours ? libc_gpu_strtoul(text, end, base) : strtoul(text, end, base);
  case PARSE_ULL:
    return ours ? libc_gpu_strtoull(text, end, base) : strtoull(text, end, base);
  case PARSE_IMAX:
    return (unsigned long long)(ours ? libc_gpu_strtoimax(text, end, base)
                                     : strtoimax(text, end, base));
  default:
    return ours ? libc_gpu_strtoumax(text, end, base) : strtoumax(text, end, base);
  }
}

static void compare_parse(const char *text, int base) {
  for (int parser = 0; parser < PARSER_COUNT; ++parser) {
    /* A sentinel end pointer shows whether *end was written at all. */
    char *sentinel = (char *)"sentinel";
    char *our_end = sentinel, *their_end = sentinel;
    errno = 0;
    libc_gpu_errno = 0;
    unsigned long long expected = parse(0, (enum parser)parser, text, &their_end, base);
    unsigned long long got = parse(1, (enum parser)parser, text, &our_end, base);
    int ok = got == expected && our_end == their_end && libc_gpu_errno == errno;
    char input[160], ours[96], theirs[96];
    snprintf(input, sizeof input, "\"%.100s\" base %d", text, base);
    snprintf(ours, sizeof ours, "%llu end %+ld errno %d", got,
             our_end == sentinel ? -999L : (long)(our_end - text), libc_gpu_errno);
    snprintf(theirs, sizeof theirs, "%llu end %+ld errno %d", expected,
             their_end == sentinel ? -999L : (long)(their_end - text), errno);
    check_case(ok, parser_names[parser], input, ours, theirs);
  }
  /* And without an end pointer. */
  errno = 0;
  libc_gpu_errno = 0;
  long expected = strtol(text, NULL, base);
  long got = libc_gpu_strtol(text, NULL, base);
  char ours[48], theirs[48];
  snprintf(ours, sizeof ours, "%ld errno %d", got, libc_gpu_errno);
  snprintf(theirs, sizeof theirs, "%ld errno %d", expected, errno);
  check_case(got == expected && errno == libc_gpu_errno, "strtol (no end)", text, ours, theirs);
}

static void append(char *text, size_t size, const char *piece) {
  strncat(text, piece, size - strlen(text) - 1);
}

void strto_vs_glibc(void) {
  static const char *const spaces[] = {"", " ", "\t\n ", "\v\f\r", "x "};
  static const char *const signs[] = {"", "+", "-", "--", "+-", " -"};
  static const char *const prefixes[] = {"", "0", "0x", "0X", "0b", "00x", "x", "0x0x"};
  static const char *const tails[] = {"", " ", "!", "9", ".5", "g", "Z"};
  static const char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyzABCFXYZ";
  static const int bases[] = {0, 2, 8, 10, 16, 36, -1, 1, 37, 3, 7, 11, 17, 35};

  for (int i = 0; i < 30000; ++i) {
    char text[128] = "";
    append(text, sizeof text, spaces[test_random_below(5)]);
    append(text, sizeof text, signs[test_random_below(6)]);
    append(text, sizeof text, prefixes[test_random_below(8)]);
    /* Mostly short numbers, some long enough to overflow in any base. */
    size_t digits = test_random_below(4) ? test_random_below(12) : test_random_below(70);
    /* Often only small digits, so that low bases see whole numbers. */
    size_t alphabet_size = test_random_below(2) ? 10 : sizeof alphabet - 1;
    for (size_t d = 0; d < digits; ++d) {
      char digit[2] = {alphabet[test_random_below(alphabet_size)], 0};
      append(text, sizeof text, digit);
    }
    append(text, sizeof text, tails[test_random_below(7)]);
    compare_parse(text, bases[test_random_below(sizeof bases / sizeof bases[0])]);
  }

  static const char *const edges[] = {
      "9223372036854775807",
      "9223372036854775808",
      "-9223372036854775808",
      "-9223372036854775809",
      "18446744073709551615",
      "18446744073709551616",
      "-18446744073709551615",
      "-18446744073709551616",
      "0x7fffffffffffffff",
      "0x8000000000000000",
      "-0x8000000000000000",
      "0xffffffffffffffff",
      "0x10000000000000000",
      "0777777777777777777777",
      "01777777777777777777777",
      "02000000000000000000000",
      "",
      "   ",
      "-",
      "+",
      "0",
      "-0",
      "0x",
      "-0x",
      "0xg",
      "0x-1",
      "00",
      "08",
      "1z",
      "zz",
      "  \t-42abc",
      "99999999999999999999999999999999999999",
  };
  for (size_t e = 0; e < sizeof edges / sizeof edges[0]; ++e)
    for (size_t b = 0; b < sizeof bases / sizeof bases[0]; ++b)
      compare_parse(edges[e], bases[b]);

  /* atoi and friends, on what fits their types. */
  static const char *const small[] = {"0",           "42",   "-42", "  +7x", "2147483647",
                                      "-2147483648", "junk", "",    "0x10",  "0010"};
  for (size_t s = 0; s < sizeof small / sizeof small[0]; ++s) {
    char ours[64], theirs[64];
    snprintf(ours, sizeof ours, "%d %ld %lld", libc_gpu_atoi(small[s]), libc_gpu_atol(small[s]),
             libc_gpu_atoll(small[s]));
    snprintf(theirs, sizeof theirs, "%d %ld %lld", atoi(small[s]), atol(small[s]), atoll(small[s]));
    check_case(!strcmp(ours, theirs), "atoi/atol/atoll", small[s], ours, theirs);
  }
}
