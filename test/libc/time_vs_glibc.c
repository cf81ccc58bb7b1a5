/* libc_gpu's calendar against glibc's with TZ=UTC, a VM's only time zone:
 * gmtime_r, localtime_r, gmtime, localtime on generated instants (negative,
 * year and leap-year boundaries, 1900 to 2400, the edges of tm_year), mktime
 * and timegm on generated broken-down times with out-of-range fields, and
 * difftime; asctime, asctime_r, ctime_r on the same. The clocks (time, clock_gettime, gettimeofday,
 * clock_getres, clock) run over the stand-in kernel, which reads the host's clocks: they are
 * checked for agreement with glibc's and with each other. strptime on a table of texts (glibc's odd
 * answers included), on dates glibc's strftime wrote in many formats, and on random pieces of both;
 * the end of the text read and every field must agree. */
#define _GNU_SOURCE /* glibc's strptime */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "libc_gpu_host.h"
#include "vs_glibc.h"

static void describe_tm(char *out, size_t size, const struct tm *t) {
  snprintf(out, size, "%d-%d-%d %d:%d:%d wday %d yday %d isdst %d gmtoff %ld zone %s", t->tm_year,
           t->tm_mon, t->tm_mday, t->tm_hour, t->tm_min, t->tm_sec, t->tm_wday, t->tm_yday,
           t->tm_isdst, t->tm_gmtoff, t->tm_zone ? t->tm_zone : "(null)");
}

static int same_tm(const struct tm *a, const struct tm *b) {
  return a->tm_sec == b->tm_sec && a->tm_min == b->tm_min && a->tm_hour == b->tm_hour &&
         a->tm_mday == b->tm_mday && a->tm_mon == b->tm_mon && a->tm_year == b->tm_year &&
         a->tm_wday == b->tm_wday && a->tm_yday == b->tm_yday && a->tm_isdst == b->tm_isdst &&
         a->tm_gmtoff == b->tm_gmtoff &&
         (a->tm_zone && b->tm_zone ? strcmp(a->tm_zone, b->tm_zone) == 0
                                   : a->tm_zone == b->tm_zone);
}

/* One conversion of an instant, by both libraries. */
typedef struct tm *(*split_fn)(const time_t *, struct tm *);

static void compare_split(const char *what, split_fn ours_fn, split_fn theirs_fn, time_t t) {
  struct tm ours, theirs;
  memset(&ours, 0x5a, sizeof ours);
  memset(&theirs, 0x5a, sizeof theirs);
  libc_gpu_errno = 0;
  errno = 0;
  int ours_ok = ours_fn(&t, &ours) != NULL;
  int ours_errno = libc_gpu_errno;
  int theirs_ok = theirs_fn(&t, &theirs) != NULL;
  int theirs_errno = errno;
  char input[32], got[160], expected[160];
  snprintf(input, sizeof input, "%lld", (long long)t);
  if (ours_ok && theirs_ok) {
    describe_tm(got, sizeof got, &ours);
    describe_tm(expected, sizeof expected, &theirs);
    check_case(same_tm(&ours, &theirs), what, input, got, expected);
  } else {
    snprintf(got, sizeof got, "%s errno %d", ours_ok ? "ok" : "NULL", ours_errno);
    snprintf(expected, sizeof expected, "%s errno %d", theirs_ok ? "ok" : "NULL", theirs_errno);
    check_case(ours_ok == theirs_ok && ours_errno == theirs_errno, what, input, got, expected);
  }
}

/* One text of a broken-down time or of an instant, by both libraries. */
static void compare_text(const char *what, const char *input, const char *ours, int ours_errno,
                         const char *theirs, int theirs_errno) {
  char got[160], expected[160];
  snprintf(got, sizeof got, "%s errno %d", ours ? ours : "NULL", ours ? 0 : ours_errno);
  snprintf(expected, sizeof expected, "%s errno %d", theirs ? theirs : "NULL",
           theirs ? 0 : theirs_errno);
  check_case(strcmp(got, expected) == 0, what, input, got, expected);
}

static void compare_asctime(const struct tm *t) {
  char input[160], ours_buf[26], theirs_buf[26];
  describe_tm(input, sizeof input, t);
  libc_gpu_errno = errno = 0;
  const char *ours = libc_gpu_asctime_r(t, ours_buf);
  int ours_errno = libc_gpu_errno;
  const char *theirs = asctime_r(t, theirs_buf);
  compare_text("asctime_r", input, ours, ours_errno, theirs, errno);
  libc_gpu_errno = errno = 0;
  ours = libc_gpu_asctime(t);
  ours_errno = libc_gpu_errno;
  theirs = asctime(t);
  compare_text("asctime", input, ours, ours_errno, theirs, errno);
}

static void compare_instant(time_t t) {
  compare_split("gmtime_r", libc_gpu_gmtime_r, gmtime_r, t);
  compare_split("localtime_r", libc_gpu_localtime_r, localtime_r, t);
  char input[32], ours_buf[26], theirs_buf[26];
  snprintf(input, sizeof input, "%lld", (long long)t);
  libc_gpu_errno = errno = 0;
  const char *ours = libc_gpu_ctime_r(&t, ours_buf);
  int ours_errno = libc_gpu_errno;
  const char *theirs = ctime_r(&t, theirs_buf);
  compare_text("ctime_r", input, ours, ours_errno, theirs, errno);
  struct tm split;
  if (gmtime_r(&t, &split))
    compare_asctime(&split);
}

/* The largest and smallest instants whose year fits tm_year. */
#define LAST_INSTANT 67768036191676799LL
#define FIRST_INSTANT (-67768040609740800LL)

static void instants(void) {
  static const long long edges[] = {0,
                                    -1,
                                    1,
                                    LAST_INSTANT,
                                    FIRST_INSTANT,
                                    INT32_MAX,
                                    (long long)INT32_MIN,
                                    INT64_MAX,
                                    INT64_MIN,
                                    INT64_MAX / 86400,
                                    -2208988800LL /* 1900 */,
                                    951782400LL /* 2000-02-29 */,
                                    13569465600LL /* 2400 */};
  for (size_t i = 0; i < sizeof edges / sizeof *edges; ++i)
    for (long long delta = -3; delta <= 3; ++delta) {
      long long t = edges[i];
      if ((delta > 0 && t > INT64_MAX - delta) || (delta < 0 && t < INT64_MIN - delta))
        continue;
      compare_instant((time_t)(t + delta));
    }
  /* The first days of every year from 1600 to 2500 and around a few far
   * ones, with their neighbours: leap days, century rules. */
  for (int year = -400; year <= 2500; year += year < 1600 ? 97 : 1) {
    struct tm start = {.tm_year = year - 1900, .tm_mday = 1};
    time_t first = timegm(&start);
    static const long long offsets[] = {-86401, -86400,     -3601,      -1,           0, 1, 86399,
                                        86400,  59 * 86400, 60 * 86400, 365 * 86400LL};
    for (size_t i = 0; i < sizeof offsets / sizeof *offsets; ++i)
      compare_instant(first + (time_t)offsets[i]);
  }
  for (int i = 0; i < 20000; ++i) {
    int64_t t;
    switch (test_random_below(4)) {
    case 0: /* 1900 to 2400 */
      t = -2208988800LL + (int64_t)test_random_below(15778454400ULL);
      break;
    case 1: /* within about 35000 years */
      t = (int64_t)test_random_below(1ULL << 41) - (1LL << 40);
      break;
    case 2: /* anywhere tm_year reaches, and a little past */
      t = (int64_t)test_random_below(1ULL << 58) - (1LL << 57);
      break;
    default:
      t = (int64_t)test_random();
      break;
    }
    compare_instant((time_t)t);
  }
}

/* A field out of its range, often only a little, at times far. */
static int random_field(int low, int high) {
  switch (test_random_below(10)) {
  case 0:
    return (int)test_random_below(2000001) - 1000000;
  case 1: {
    static const int extremes[] = {INT_MIN, INT_MIN + 1, INT_MAX, INT_MAX - 1, -1, 0};
    return extremes[test_random_below(6)];
  }
  case 2:
  case 3:
    return low - 100 + (int)test_random_below((uint64_t)(high - low) + 201);
  default:
    return low + (int)test_random_below((uint64_t)(high - low) + 1);
  }
}

typedef time_t (*join_fn)(struct tm *);

static void compare_join(const char *what, join_fn ours_fn, join_fn theirs_fn,
                         const struct tm *input) {
  struct tm ours = *input, theirs = *input;
  libc_gpu_errno = 0;
  errno = 0;
  time_t ours_result = ours_fn(&ours);
  int ours_errno = libc_gpu_errno;
  time_t theirs_result = theirs_fn(&theirs);
  int theirs_errno = errno;
  char described[160], got[200], expected[200];
  describe_tm(described, sizeof described, input);
  char tm_text[160];
  describe_tm(tm_text, sizeof tm_text, &ours);
  snprintf(got, sizeof got, "%lld errno %d, %s", (long long)ours_result, ours_errno, tm_text);
  describe_tm(tm_text, sizeof tm_text, &theirs);
  snprintf(expected, sizeof expected, "%lld errno %d, %s", (long long)theirs_result, theirs_errno,
           tm_text);
  /* errno only counts after a failure: glibc's mktime can leave EOVERFLOW
   * behind on success, from a probe past the last year while it looks for
   * summer time. */
  int errno_matters = ours_result == -1 || theirs_result == -1;
  check_case(ours_result == theirs_result && (!errno_matters || ours_errno == theirs_errno) &&
                 same_tm(&ours, &theirs),
             what, described, got, expected);
}

static void broken_down_times(void) {
  for (int i = 0; i < 30000; ++i) {
    struct tm t = {0};
    int extreme_year = test_random_below(8) == 0;
    t.tm_year = extreme_year ? random_field(INT_MIN, INT_MAX) : random_field(-2000, 600);
    t.tm_mon = random_field(0, 11);
    t.tm_mday = random_field(1, 31);
    t.tm_hour = random_field(0, 23);
    t.tm_min = random_field(0, 59);
    t.tm_sec = random_field(0, 60);
    /* Ignored on input, whatever they hold. */
    t.tm_wday = (int)test_random_below(100) - 50;
    t.tm_yday = (int)test_random_below(1000) - 500;
    t.tm_gmtoff = (long)test_random_below(100000) - 50000;
    t.tm_zone = test_random_below(2) ? "XYZ" : NULL;
    static const int dst[] = {-1, 0, 1, 2, -5, INT_MIN, INT_MAX};
    t.tm_isdst = dst[test_random_below(7)];
    compare_join("mktime", libc_gpu_mktime, mktime, &t);
    compare_join("timegm", libc_gpu_timegm, timegm, &t);
  }
  /* Every field in range over the last days of months around leap years. */
  for (int year = 95; year <= 105; ++year)
    for (int mon = 0; mon < 12; ++mon)
      for (int mday = 27; mday <= 32; ++mday) {
        struct tm t = {.tm_year = year,
                       .tm_mon = mon,
                       .tm_mday = mday,
                       .tm_hour = 23,
                       .tm_min = 59,
                       .tm_sec = 60,
                       .tm_isdst = -1};
        compare_join("mktime", libc_gpu_mktime, mktime, &t);
        compare_join("timegm", libc_gpu_timegm, timegm, &t);
      }
}

static void differences(void) {
  static const long long edges[] = {0,
                                    1,
                                    -1,
                                    INT64_MAX,
                                    INT64_MIN,
                                    INT64_MAX - 1,
                                    INT64_MIN + 1,
                                    1LL << 53,
                                    (1LL << 53) + 1,
                                    -(1LL << 53) - 1};
  const size_t count = sizeof edges / sizeof *edges;
  for (int i = 0; i < 20000; ++i) {
    time_t a, b;
    if (i < (int)(count * count)) {
      a = (time_t)edges[i / count];
      b = (time_t)edges[i % count];
    } else {
      int shift = (int)test_random_below(64);
      a = (time_t)(test_random() >> shift) * (test_random_below(2) ? 1 : -1);
      b = (time_t)(test_random() >> shift) * (test_random_below(2) ? 1 : -1);
    }
    double ours = libc_gpu_difftime(a, b), theirs = difftime(a, b);
    char input[64], got[32], expected[32];
    snprintf(input, sizeof input, "%lld - %lld", (long long)a, (long long)b);
    snprintf(got, sizeof got, "%.17g", ours);
    snprintf(expected, sizeof expected, "%.17g", theirs);
    check_case(memcmp(&ours, &theirs, sizeof ours) == 0, "difftime", input, got, expected);
  }
}

/* gmtime and localtime: their own static results, each the _r answer. */
static void static_results(void) {
  time_t t = 1234567890;
  struct tm *g1 = libc_gpu_gmtime(&t);
  struct tm *l1 = libc_gpu_localtime(&t);
  t = -1234567890;
  struct tm *g2 = libc_gpu_gmtime(&t);
  struct tm *l2 = libc_gpu_localtime(&t);
  check_case(g1 == g2 && l1 == l2 && g1 != l1, "gmtime/localtime storage", "two calls each", "",
             "the same pointer per function, a different one between them");
  char got[160], expected[160];
  describe_tm(got, sizeof got, g2);
  describe_tm(expected, sizeof expected, gmtime(&t));
  check_case(strcmp(got, expected) == 0, "gmtime", "-1234567890", got, expected);
  describe_tm(got, sizeof got, l2);
  describe_tm(expected, sizeof expected, localtime(&t));
  check_case(strcmp(got, expected) == 0, "localtime", "-1234567890", got, expected);
  t = INT64_MAX;
  libc_gpu_errno = 0;
  check_case(libc_gpu_gmtime(&t) == NULL && libc_gpu_errno == EOVERFLOW, "gmtime", "INT64_MAX", "",
             "NULL, EOVERFLOW");
}

static void check_true(int ok, const char *what, const char *detail) {
  check_case(ok, what, detail, ok ? "yes" : "no", "yes");
}

static int64_t ns_of(const struct timespec *t) {
  return (int64_t)t->tv_sec * 1000000000 + t->tv_nsec;
}

static void clocks(void) {
  /* gettimeofday: between two readings of clock_gettime, in microseconds. */
  for (int i = 0; i < 1000; ++i) {
    struct timespec before, after;
    struct timeval now;
    struct timezone zone = {123, 456};
    libc_gpu_clock_gettime(CLOCK_REALTIME, &before);
    int result = libc_gpu_gettimeofday(&now, i % 2 ? &zone : NULL);
    libc_gpu_clock_gettime(CLOCK_REALTIME, &after);
    int64_t us = (int64_t)now.tv_sec * 1000000 + now.tv_usec;
    check_true(result == 0 && now.tv_usec >= 0 && now.tv_usec < 1000000, "gettimeofday",
               "returns 0, 0 <= tv_usec < 10^6");
    check_true(ns_of(&before) / 1000 <= us && us <= ns_of(&after) / 1000, "gettimeofday",
               "between two clock_gettime(CLOCK_REALTIME) readings");
    if (i % 2)
      check_true(zone.tz_minuteswest == 0 && zone.tz_dsttime == 0, "gettimeofday",
                 "the time zone is zeroed (UTC)");
  }
  check_true(libc_gpu_gettimeofday(NULL, NULL) == 0, "gettimeofday", "NULL, NULL");
  struct timeval ours, theirs;
  libc_gpu_gettimeofday(&ours, NULL);
  gettimeofday(&theirs, NULL);
  check_true(llabs((long long)(theirs.tv_sec - ours.tv_sec)) <= 1, "gettimeofday",
             "within a second of glibc's");
  time_t stored = 0;
  time_t now = libc_gpu_time(&stored);
  check_true(now == stored && llabs((long long)(time(NULL) - now)) <= 1, "time",
             "stores what it returns, within a second of glibc's");
  libc_gpu_gettimeofday(&ours, NULL);
  now = libc_gpu_time(NULL);
  check_true(now - ours.tv_sec >= 0 && now - ours.tv_sec <= 1, "time", "agrees with gettimeofday");

  static const clockid_t ids[] = {CLOCK_REALTIME, CLOCK_MONOTONIC};
  for (int i = 0; i < 2; ++i) {
    struct timespec ours_res = {7, 7}, theirs_res = {7, 7};
    int result = libc_gpu_clock_getres(ids[i], &ours_res);
    clock_getres(ids[i], &theirs_res);
    check_true(result == 0 && ours_res.tv_sec == theirs_res.tv_sec &&
                   ours_res.tv_nsec == theirs_res.tv_nsec,
               "clock_getres", i ? "CLOCK_MONOTONIC as glibc's" : "CLOCK_REALTIME as glibc's");
    check_true(libc_gpu_clock_getres(ids[i], NULL) == 0, "clock_getres", "NULL resolution");
  }
  libc_gpu_errno = 0;
  check_true(libc_gpu_clock_getres(12345, NULL) == -1 && libc_gpu_errno == EINVAL, "clock_getres",
             "a bad clock: EINVAL");
  libc_gpu_errno = 0;
  check_true(libc_gpu_clock_gettime(12345, &(struct timespec){0}) == -1 && libc_gpu_errno == EINVAL,
             "clock_gettime", "a bad clock: EINVAL");

  /* clock: 0 at the first call, then the time since, in microseconds. */
  clock_t first = libc_gpu_clock();
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  check_true(first == 0, "clock", "the first call gives 0");
  usleep(20000);
  clock_t later = libc_gpu_clock();
  struct timespec end;
  clock_gettime(CLOCK_MONOTONIC, &end);
  check_true(later >= 20000 && later <= (ns_of(&end) - ns_of(&start)) / 1000 + 1000, "clock",
             "counts the 20 ms slept, in CLOCKS_PER_SEC units");
  check_true(libc_gpu_clock() >= later, "clock", "never goes back");
}

/* Fields out of their ranges, days and months past the names. */
static void texts(void) {
  for (int i = 0; i < 20000; ++i) {
    struct tm t = {.tm_sec = random_field(0, 60),
                   .tm_min = random_field(0, 59),
                   .tm_hour = random_field(0, 23),
                   .tm_mday = random_field(1, 31),
                   .tm_mon = random_field(0, 11),
                   .tm_year = random_field(-2000, 8100),
                   .tm_wday = random_field(0, 6)};
    compare_asctime(&t);
  }
  check_case(libc_gpu_ctime(&(time_t){0}) == libc_gpu_asctime(&(struct tm){0}), "ctime",
             "the storage", "", "asctime's");
}

/* strptime: one text and format, by both, from the same starting fields;
 * the end offset and every field must agree (on failure too: both leave
 * what they had written, but after %s, whose failed localtime_r leaves
 * glibc's fields half written). */
static void compare_strptime(const char *text, const char *format, const struct tm *start) {
  struct tm ours = *start, theirs = *start;
  const char *ours_end = libc_gpu_strptime(text, format, &ours);
  const char *theirs_end = strptime(text, format, &theirs);
  char input[256], got[256], expected[256];
  snprintf(input, sizeof input, "\"%s\" with \"%s\"", text, format);
  int ok = (ours_end ? ours_end - text : -1) == (theirs_end ? theirs_end - text : -1);
  if (theirs_end || !strstr(format, "%s"))
    ok = ok && same_tm(&ours, &theirs);
  char ours_tm[160], theirs_tm[160];
  describe_tm(ours_tm, sizeof ours_tm, &ours);
  describe_tm(theirs_tm, sizeof theirs_tm, &theirs);
  snprintf(got, sizeof got, "end %ld, %s", ours_end ? (long)(ours_end - text) : -1L, ours_tm);
  snprintf(expected, sizeof expected, "end %ld, %s", theirs_end ? (long)(theirs_end - text) : -1L,
           theirs_tm);
  check_case(ok, "strptime", input, got, expected);
}

/* Starting fields: zero, or in range, or anything (strptime keeps what the
 * text does not give, and glibc reads tm_mon and tm_year it did not set). */
static void random_start(struct tm *t) {
  memset(t, 0, sizeof *t);
  switch (test_random_below(3)) {
  case 0:
    break;
  case 1:
    *t = (struct tm){.tm_sec = random_field(0, 59),
                     .tm_min = random_field(0, 59),
                     .tm_hour = random_field(0, 23),
                     .tm_mday = random_field(1, 31),
                     .tm_mon = (int)test_random_below(12),
                     .tm_year = random_field(-1900, 8099),
                     .tm_wday = (int)test_random_below(7),
                     .tm_yday = (int)test_random_below(366)};
    break;
  default:
    *t = (struct tm){.tm_sec = random_field(0, 59),
                     .tm_min = random_field(0, 59),
                     .tm_hour = random_field(0, 23),
                     .tm_mday = random_field(1, 31),
                     .tm_mon = random_field(0, 11),
                     .tm_year = random_field(-1000, 1000),
                     .tm_wday = random_field(0, 6),
                     .tm_yday = random_field(0, 365),
                     .tm_isdst = random_field(-1, 1),
                     .tm_gmtoff = random_field(-50000, 50000)};
    break;
  }
}

static const char *const strptime_table[][2] = {
    {"2024-02-29 13:45:07", "%Y-%m-%d %H:%M:%S"},
    {"Thu Jan  1 00:00:00 1970", "%c"},
    {"Sunday", "%a"},
    {"sunDAYx", "%A"},
    {"Sunmon", "%a"},
    {"Tuesday", "%a"},
    {"Tue", "%A"},
    {"Septembre", "%B"},
    {"sep 5", "%b %d"},
    {"Jun", "%h"},
    {"12/31/99", "%D"},
    {"12/31/68", "%x"},
    {"23:59:60", "%T"},
    {"23:59:61", "%X"},
    {"11:05:09 PM", "%r"},
    {"12:00:00 am", "%r"},
    {"12 pm", "%I %p"},
    {"07 PM", "%l %p"},
    {"9 AM", "%k %p"},
    {"13:14", "%R"},
    {"  42", "%j"},
    {"366 2023", "%j %Y"},
    {"366 2024", "%j %Y"},
    {"365 2023", "%j %Y"},
    {"060 2024", "%j %Y"},
    {"20", "%C"},
    {"19 99", "%C %y"},
    {"20 05", "%C %y"},
    {"21", "%C"},
    {"1999 20", "%Y %C"},
    {"68", "%y"},
    {"69", "%y"},
    {"10000", "%Y"},
    {"0", "%Y"},
    {"2023 10 3", "%Y %U %w"},
    {"2023 10 3", "%Y %W %w"},
    {"2024 1 1", "%Y %U %u"},
    {"2024 52 6", "%Y %W %w"},
    {"2024 05 20", "%G %V %g"},
    {"7", "%u"},
    {"1700000000", "%s"},
    {"0", "%s"},
    {"-5", "%s"},
    {"+0530", "%z"},
    {"-08:00", "%z"},
    {"Z", "%z"},
    {"+05", "%z"},
    {"+5", "%z"},
    {"+0560", "%z"},
    {"+05:3", "%z"},
    {"UTC 2020", "%Z %Y"},
    {"  CEST  x", "%Z x"},
    {"%", "%%"},
    {"a\t\n b", "a%n%tb"},
    {"a b", "a b"},
    {"ab", "a b"},
    {"12", "%OH"},
    {"12 30", "%OH %OM"},
    {"05 2005", "%Od %EY"},
    {"99", "%Ey"},
    {"99 05", "%Ey"},
    {"20 05", "%EC %Ey"},
    {"2005", "%EY"},
    {"Thu Jan  1 00:00:00 1970", "%Ec"},
    {"01/02/03", "%Ex"},
    {"01:02:03", "%EX"},
    {"1", "%Ej"},
    {"1", "%Ou"},
    {"Mar", "%Ob"},
    {"Mar 3", "%OB %Oe"},
    {"2020-1-5", "%F"},
    {"2020-01-05", "%-Y-%_m-%010d"},
    {"x", "%"},
    {"x", "%E"},
    {"x", "%O"},
    {"x", "%q"},
    {"", ""},
    {"abc", ""},
    {"", "%n"},
    {"5", "%e"},
    {"32", "%d"},
    {"0", "%d"},
    {"123", "%d"},
    {"1234567", "%Y"},
    {"Feb 30 2023", "%b %d %Y"},
    {"Wed Feb 30 2023", "%a %b %d %Y"},
    {"2023 53 0", "%Y %W %w"},
};

/* Texts strftime (glibc's) wrote, read back with the same format. */
static const char *const strptime_formats[] = {
    "%Y-%m-%d %H:%M:%S",
    "%c",
    "%a %b %e %H:%M:%S %Y",
    "%A, %d %B %Y",
    "%D %T",
    "%x %X",
    "%r",
    "%I:%M %p %j",
    "%y%m%d",
    "%C%y-%j",
    "%F %R",
    "%Y %U %a",
    "%Y %W %A",
    "%Y %U %u",
    "%Y-%j",
    "%h %e",
    "%b %d %H %M",
    "%G-W%V-%u",
    "%s",
    "%Y %z",
    "%Ec",
    "%EY %Ex",
    "%Od/%Om/%Y",
    "%Y %j %m",
    "%Y %d %j",
};

static void strptimes(void) {
  struct tm start;
  for (size_t i = 0; i < sizeof strptime_table / sizeof *strptime_table; ++i)
    for (int k = 0; k < 20; ++k) {
      random_start(&start);
      if (k == 0)
        memset(&start, 0, sizeof start);
      compare_strptime(strptime_table[i][0], strptime_table[i][1], &start);
    }
  for (int i = 0; i < 30000; ++i) {
    /* Dates from year 1 to 9999, the years %Y reads. */
    time_t instant = -62135596800LL + (time_t)test_random_below(315537897600ULL);
    struct tm date;
    gmtime_r(&instant, &date);
    const char *format =
        strptime_formats[test_random_below(sizeof strptime_formats / sizeof *strptime_formats)];
    char text[128];
    strftime(text, sizeof text, format, &date);
    random_start(&start);
    compare_strptime(text, format, &start);
  }
  /* Pieces of formats and of texts, put together at random. */
  static const char *const format_pieces[] = {
      "%a", "%b", "%d", "%e", "%H", "%I", "%j", "%m", "%M", "%p", "%S",  "%U",  "%W",  "%w",  "%u",
      "%y", "%Y", "%C", "%n", " ",  "-",  ":",  "%%", "%Z", "%z", "%Oy", "%Ey", "%EC", "%OU", "%T"};
  static const char *const text_pieces[] = {
      "Mon", "monday", "Sat", "Dec", "march", "12", "1",   "0", "99", "2024", "366", "53",
      " ",   "-",      ":",   "PM",  "am",    "%",  "+01", "Z", "7",  "60",   "\t",  "Thu"};
  for (int i = 0; i < 20000; ++i) {
    char format[96] = "", text[96] = "";
    int count = 1 + (int)test_random_below(5);
    for (int k = 0; k < count; ++k)
      strcat(format,
             format_pieces[test_random_below(sizeof format_pieces / sizeof *format_pieces)]);
    count = (int)test_random_below(6);
    for (int k = 0; k < count; ++k)
      strcat(text, text_pieces[test_random_below(sizeof text_pieces / sizeof *text_pieces)]);
    random_start(&start);
    compare_strptime(text, format, &start);
  }
}

void time_vs_glibc(void) {
  /* glibc's answers in the VMs' zone. */
  setenv("TZ", "UTC", 1);
  tzset();
  instants();
  broken_down_times();
  differences();
  static_results();
  texts();
  clocks();
  strptimes();
}
