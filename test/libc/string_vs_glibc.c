/* libc_gpu's string, memory and ctype functions, qsort, bsearch, strerror and
 * rand against glibc's, on generated inputs. */
/* strndup and strtok_r. */
#define _GNU_SOURCE

#include <ctype.h>
#include <errno.h> /* the codes; libc_gpu's errno is libc_gpu_errno */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "libc_gpu_host.h"
#include "vs_glibc.h"

static int sign_of(int value) {
  return (value > 0) - (value < 0);
}

static void check_int(const char *what, const char *input, long got, long expected) {
  char ours[32], theirs[32];
  snprintf(ours, sizeof ours, "%ld", got);
  snprintf(theirs, sizeof theirs, "%ld", expected);
  check_case(got == expected, what, input, ours, theirs);
}

/* Pointers into the input compare as offsets; NULL as -1. */
static long offset_in(const void *base, const void *found) {
  return found ? (long)((const char *)found - (const char *)base) : -1;
}

/* Short strings over a small alphabet, so that searches find things. */
static void random_text(char *out, size_t max_length) {
  static const char alphabet[] = "abcAB ,.-\t";
  size_t length = test_random_below(max_length);
  for (size_t i = 0; i < length; ++i)
    out[i] = alphabet[test_random_below(sizeof alphabet - 1)];
  out[length] = '\0';
}

static void search_cases(void) {
  for (int i = 0; i < 20000; ++i) {
    char text[40], other[8];
    random_text(text, sizeof text);
    random_text(other, sizeof other);
    char input[64];
    snprintf(input, sizeof input, "\"%s\" \"%s\"", text, other);
    int ch = (unsigned char)"abcAB ,.\0x"[test_random_below(10)];
    size_t n = test_random_below(45);
    size_t length = strlen(text);

    check_int("strlen", input, (long)libc_gpu_strlen(text), (long)strlen(text));
    check_int("strnlen", input, (long)libc_gpu_strnlen(text, n), (long)strnlen(text, n));
    check_int("strchr", input, offset_in(text, libc_gpu_strchr(text, ch)),
              offset_in(text, strchr(text, ch)));
    check_int("strrchr", input, offset_in(text, libc_gpu_strrchr(text, ch)),
              offset_in(text, strrchr(text, ch)));
    check_int("memchr", input, offset_in(text, libc_gpu_memchr(text, ch, length)),
              offset_in(text, memchr(text, ch, length)));
    check_int("strstr", input, offset_in(text, libc_gpu_strstr(text, other)),
              offset_in(text, strstr(text, other)));
    check_int("strspn", input, (long)libc_gpu_strspn(text, other), (long)strspn(text, other));
    check_int("strcspn", input, (long)libc_gpu_strcspn(text, other), (long)strcspn(text, other));
    check_int("strpbrk", input, offset_in(text, libc_gpu_strpbrk(text, other)),
              offset_in(text, strpbrk(text, other)));
    check_int("strcmp", input, sign_of(libc_gpu_strcmp(text, other)), sign_of(strcmp(text, other)));
    check_int("strncmp", input, sign_of(libc_gpu_strncmp(text, other, n % 8)),
              sign_of(strncmp(text, other, n % 8)));
    check_int("strcasecmp", input, sign_of(libc_gpu_strcasecmp(text, other)),
              sign_of(strcasecmp(text, other)));
    check_int("strncasecmp", input, sign_of(libc_gpu_strncasecmp(text, other, n % 8)),
              sign_of(strncasecmp(text, other, n % 8)));
    check_int("memcmp", input, sign_of(libc_gpu_memcmp(text, other, strlen(other) + 1)),
              sign_of(memcmp(text, other, strlen(other) + 1)));
    check_int("bcmp", input, libc_gpu_bcmp(text, other, strlen(other) + 1) != 0,
              bcmp(text, other, strlen(other) + 1) != 0);
    size_t other_length = strlen(other) < n ? strlen(other) : n % 4;
    check_int("memmem", input, offset_in(text, libc_gpu_memmem(text, length, other, other_length)),
              offset_in(text, memmem(text, length, other, other_length)));
    check_int("memrchr", input, offset_in(text, libc_gpu_memrchr(text, ch, length)),
              offset_in(text, memrchr(text, ch, length)));
    check_int("strcasestr", input, offset_in(text, libc_gpu_strcasestr(text, other)),
              offset_in(text, strcasestr(text, other)));
    check_int("index", input, offset_in(text, libc_gpu_index(text, ch)),
              offset_in(text, index(text, ch)));
    check_int("rindex", input, offset_in(text, libc_gpu_rindex(text, ch)),
              offset_in(text, rindex(text, ch)));
  }
  /* Bytes above 127 compare as unsigned. */
  check_int("strcmp", "\"\\xe9\" \"a\"", sign_of(libc_gpu_strcmp("\xe9", "a")),
            sign_of(strcmp("\xe9", "a")));
  check_int("memcmp", "\"\\x80\" \"\\x7f\"", sign_of(libc_gpu_memcmp("\x80", "\x7f", 1)),
            sign_of(memcmp("\x80", "\x7f", 1)));
}

static void copy_cases(void) {
  for (int i = 0; i < 5000; ++i) {
    /* Overlapping moves in both directions, at every alignment. */
    unsigned char ours[96], theirs[96];
    for (size_t b = 0; b < sizeof ours; ++b)
      ours[b] = theirs[b] = (unsigned char)test_random();
    size_t from = test_random_below(40), to = test_random_below(40), n = test_random_below(50);
    libc_gpu_memmove(ours + to, ours + from, n);
    memmove(theirs + to, theirs + from, n);
    char input[48];
    snprintf(input, sizeof input, "from %zu to %zu n %zu", from, to, n);
    check_case(!memcmp(ours, theirs, sizeof ours), "memmove", input, "(bytes differ)", "");

    unsigned char source[64];
    for (size_t b = 0; b < sizeof source; ++b)
      source[b] = (unsigned char)test_random();
    from = test_random_below(16);
    to = test_random_below(16);
    n = test_random_below(48);
    memset(ours, 0, sizeof ours);
    memset(theirs, 0, sizeof theirs);
    libc_gpu_memcpy(ours + to, source + from, n);
    memcpy(theirs + to, source + from, n);
    check_case(!memcmp(ours, theirs, sizeof ours), "memcpy", input, "(bytes differ)", "");

    int byte = (int)test_random_below(512) - 128;
    libc_gpu_memset(ours + to, byte, n);
    memset(theirs + to, byte, n);
    check_case(!memcmp(ours, theirs, sizeof ours), "memset", input, "(bytes differ)", "");
  }

  for (int i = 0; i < 5000; ++i) {
    char text[24];
    random_text(text, sizeof text);
    size_t n = test_random_below(30);
    char ours[64], theirs[64];
    memset(ours, 'z', sizeof ours);
    memset(theirs, 'z', sizeof theirs);
    libc_gpu_strncpy(ours, text, n);
    strncpy(theirs, text, n);
    check_case(!memcmp(ours, theirs, sizeof ours), "strncpy", text, ours, theirs);

    strcpy(ours, "head:");
    strcpy(theirs, "head:");
    libc_gpu_strncat(ours, text, n);
    strncat(theirs, text, n);
    check_case(!strcmp(ours, theirs), "strncat", text, ours, theirs);
    libc_gpu_strcat(ours, text);
    strcat(theirs, text);
    check_case(!strcmp(ours, theirs), "strcat", text, ours, theirs);
    libc_gpu_strcpy(ours, text);
    check_case(!strcmp(ours, text), "strcpy", text, ours, text);
    check_int("stpcpy", text, libc_gpu_stpcpy(ours, text) - ours, stpcpy(theirs, text) - theirs);
    memset(ours, 'z', sizeof ours);
    memset(theirs, 'z', sizeof theirs);
    check_int("stpncpy", text, libc_gpu_stpncpy(ours, text, n) - ours,
              stpncpy(theirs, text, n) - theirs);
    check_case(!memcmp(ours, theirs, sizeof ours), "stpncpy", text, ours, theirs);

    char *copy = libc_gpu_strdup(text);
    check_case(copy && !strcmp(copy, text), "strdup", text, copy ? copy : "(null)", text);
    libc_gpu_free(copy);
    copy = libc_gpu_strndup(text, n);
    char *expected = strndup(text, n);
    check_case(copy && !strcmp(copy, expected), "strndup", text, copy ? copy : "(null)", expected);
    libc_gpu_free(copy);
    free(expected);
  }
}

static void token_cases(void) {
  for (int i = 0; i < 3000; ++i) {
    char text[40], ours[40] = "", theirs[40] = "";
    random_text(text, sizeof text);
    strcpy(ours, text);
    strcpy(theirs, text);
    const char *delims = test_random_below(2) ? " ," : "a\t";
    char *our_state = NULL, *their_state = NULL;
    char *our_token = libc_gpu_strtok_r(ours, delims, &our_state);
    char *their_token = strtok_r(theirs, delims, &their_state);
    /* Also strtok on a third copy: its hidden state must follow the same path. */
    char hidden[40];
    strcpy(hidden, text);
    char *hidden_token = libc_gpu_strtok(hidden, delims);
    for (;;) {
      long got = offset_in(ours, our_token), expected = offset_in(theirs, their_token);
      check_int("strtok_r", text, got, expected);
      check_int("strtok", text, offset_in(hidden, hidden_token), expected);
      if (!their_token || !our_token)
        break;
      our_token = libc_gpu_strtok_r(NULL, delims, &our_state);
      their_token = strtok_r(NULL, delims, &their_state);
      hidden_token = libc_gpu_strtok(NULL, delims);
    }
    check_case(!memcmp(ours, theirs, sizeof text), "strtok_r (buffer)", text, ours, theirs);
    /* strsep keeps empty fields, and leaves NULL behind the last one */
    strcpy(ours, text);
    strcpy(theirs, text);
    char *our_rest = ours, *their_rest = theirs;
    for (;;) {
      char *our_field = libc_gpu_strsep(&our_rest, delims);
      char *their_field = strsep(&their_rest, delims);
      check_int("strsep", text, offset_in(ours, our_field), offset_in(theirs, their_field));
      check_int("strsep (rest)", text, offset_in(ours, our_rest), offset_in(theirs, their_rest));
      if (!our_field || !their_field)
        break;
    }
    check_case(!memcmp(ours, theirs, sizeof text), "strsep (buffer)", text, ours, theirs);
    char copy[40];
    check_int("mempcpy", text, offset_in(copy, libc_gpu_mempcpy(copy, text, strlen(text))),
              offset_in(copy, mempcpy(copy, text, strlen(text))));
  }
  char *empty = NULL;
  check_int("strsep (NULL)", "NULL", offset_in(NULL, libc_gpu_strsep(&empty, ",")), -1);
}

static void ctype_cases(void) {
  static int (*const ours[])(int) = {
      libc_gpu_isalnum, libc_gpu_isalpha,  libc_gpu_isblank, libc_gpu_iscntrl, libc_gpu_isdigit,
      libc_gpu_isgraph, libc_gpu_islower,  libc_gpu_isprint, libc_gpu_ispunct, libc_gpu_isspace,
      libc_gpu_isupper, libc_gpu_isxdigit, libc_gpu_tolower, libc_gpu_toupper};
  static int (*const theirs[])(int) = {isalnum, isalpha,  isblank, iscntrl, isdigit,
                                       isgraph, islower,  isprint, ispunct, isspace,
                                       isupper, isxdigit, tolower, toupper};
  static const char *const names[] = {"isalnum", "isalpha",  "isblank", "iscntrl", "isdigit",
                                      "isgraph", "islower",  "isprint", "ispunct", "isspace",
                                      "isupper", "isxdigit", "tolower", "toupper"};
  for (size_t f = 0; f < sizeof names / sizeof names[0]; ++f)
    for (int ch = -1; ch < 256; ++ch) {
      char input[16];
      snprintf(input, sizeof input, "%d", ch);
      int got = ours[f](ch), expected = theirs[f](ch);
      /* Classifiers promise only zero or not; conversions the exact value. */
      if (f < 12) {
        got = got != 0;
        expected = expected != 0;
      }
      check_int(names[f], input, got, expected);
    }
}

static int compare_bytes_12(const void *a, const void *b) {
  return memcmp(a, b, 12);
}
/* Orders by the remainder modulo *context, then by value. */
static int compare_ints_modulo(const void *a, const void *b, void *context) {
  int modulus = *(const int *)context, x = *(const int *)a, y = *(const int *)b;
  int rx = ((x % modulus) + modulus) % modulus, ry = ((y % modulus) + modulus) % modulus;
  return rx != ry ? (rx > ry) - (rx < ry) : (x > y) - (x < y);
}

static int compare_ints(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}
static int compare_chars(const void *a, const void *b) {
  return *(const unsigned char *)a - *(const unsigned char *)b;
}

static void sort_cases(void) {
  static const size_t counts[] = {0, 1, 2, 3, 5, 11, 12, 13, 50, 100, 1000, 5000};
  for (size_t c = 0; c < sizeof counts / sizeof counts[0]; ++c)
    for (int pattern = 0; pattern < 5; ++pattern) {
      size_t count = counts[c];
      static int ours[5000], theirs[5000];
      for (size_t i = 0; i < count; ++i) {
        switch (pattern) {
        case 0: /* random */
          ours[i] = (int)test_random();
          break;
        case 1: /* many duplicates */
          ours[i] = (int)test_random_below(4);
          break;
        case 2: /* sorted */
          ours[i] = (int)i;
          break;
        case 3: /* reversed */
          ours[i] = (int)(count - i);
          break;
        default: /* all equal */
          ours[i] = 7;
          break;
        }
        theirs[i] = ours[i];
      }
      libc_gpu_qsort(ours, count, sizeof ours[0], compare_ints);
      qsort(theirs, count, sizeof theirs[0], compare_ints);
      char input[48];
      snprintf(input, sizeof input, "%zu ints, pattern %d", count, pattern);
      check_case(!memcmp(ours, theirs, count * sizeof ours[0]), "qsort", input, "(order differs)",
                 "");
      /* bsearch finds every present key and no absent one. */
      for (size_t probe = 0; probe < count && probe < 200; ++probe) {
        int key = theirs[test_random_below(count)];
        int *found = libc_gpu_bsearch(&key, ours, count, sizeof ours[0], compare_ints);
        check_case(found && *found == key, "bsearch", input, "not found", "found");
      }
      int absent = pattern == 4 ? 8 : -2147483647 - 1;
      if (pattern == 0)
        absent = 0x7fffffff; /* random keys almost never hit it */
      int *found = libc_gpu_bsearch(&absent, ours, count, sizeof ours[0], compare_ints);
      int *expected = bsearch(&absent, theirs, count, sizeof theirs[0], compare_ints);
      check_case((found == NULL) == (expected == NULL), "bsearch (absent)", input,
                 found ? "found" : "not found", expected ? "found" : "not found");
      /* Last, as it leaves another order: qsort_r passes its context to every comparison (GNU's
       * order). */
      int modulus = 7 + pattern;
      libc_gpu_qsort_r(ours, count, sizeof ours[0], compare_ints_modulo, &modulus);
      qsort_r(theirs, count, sizeof theirs[0], compare_ints_modulo, &modulus);
      check_case(!memcmp(ours, theirs, count * sizeof ours[0]), "qsort_r", input, "(order differs)",
                 "");
    }
  /* Odd element sizes. */
  for (int round = 0; round < 50; ++round) {
    size_t count = test_random_below(300);
    static unsigned char ours[300 * 12], theirs[300 * 12];
    for (size_t i = 0; i < count * 12; ++i)
      ours[i] = theirs[i] = (unsigned char)test_random_below(3);
    libc_gpu_qsort(ours, count, 12, compare_bytes_12);
    qsort(theirs, count, 12, compare_bytes_12);
    check_case(!memcmp(ours, theirs, count * 12), "qsort", "12-byte elements", "(order differs)",
               "");
    for (size_t i = 0; i < count; ++i)
      ours[i] = theirs[i] = (unsigned char)test_random();
    libc_gpu_qsort(ours, count, 1, compare_chars);
    qsort(theirs, count, 1, compare_chars);
    check_case(!memcmp(ours, theirs, count), "qsort", "1-byte elements", "(order differs)", "");
  }
}

static void strerror_cases(void) {
  for (int error = -3; error < 140; ++error) {
    char input[16], theirs[128];
    snprintf(input, sizeof input, "%d", error);
    snprintf(theirs, sizeof theirs, "%s", strerror(error));
    const char *ours = libc_gpu_strerror(error);
    check_case(!strcmp(ours, theirs), "strerror", input, ours, theirs);
  }
}

static void rand_cases(void) {
  static const unsigned seeds[] = {1, 0, 2, 42, 12345, 0x7fffffff, 0x80000000u, 0xffffffffu};
  for (size_t s = 0; s < sizeof seeds / sizeof seeds[0]; ++s) {
    srand(seeds[s]);
    libc_gpu_srand(seeds[s]);
    unsigned our_state = seeds[s], their_state = seeds[s];
    for (int i = 0; i < 1000; ++i) {
      char input[32];
      snprintf(input, sizeof input, "seed %u, call %d", seeds[s], i);
      check_int("rand", input, libc_gpu_rand(), rand());
      check_int("rand_r", input, libc_gpu_rand_r(&our_state), rand_r(&their_state));
    }
    /* random and srandom are rand and srand's generator under other names */
    srandom(seeds[s]);
    libc_gpu_srandom(seeds[s]);
    for (int i = 0; i < 1000; ++i) {
      char input[32];
      snprintf(input, sizeof input, "seed %u, call %d", seeds[s], i);
      check_int("random", input, libc_gpu_random(), random());
    }
  }
  libc_gpu_errno = 0;
  check_int("reallocarray (overflow)", "SIZE_MAX / 2, 3",
            libc_gpu_reallocarray(NULL, SIZE_MAX / 2, 3) == NULL && libc_gpu_errno == ENOMEM, 1);
  void *block = libc_gpu_reallocarray(NULL, 10, 8);
  check_int("reallocarray", "10, 8", block != NULL, 1);
  libc_gpu_free(block);
}

void string_vs_glibc(void) {
  search_cases();
  copy_cases();
  token_cases();
  ctype_cases();
  sort_cases();
  strerror_cases();
  rand_cases();
}
