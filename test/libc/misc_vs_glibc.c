/* libc_gpu's smaller GNU and POSIX pieces against glibc's: strsignal,
 * sigabbrev_np, sigdescr_np, strerrordesc_np and strerrorname_np over every
 * number and past them; dirname, POSIX basename (glibc's __xpg_basename)
 * and GNU basename on a table and on generated paths, results and what
 * they wrote into the path; wcwidth, mbtowc and MB_CUR_MAX in the C
 * locale; clearenv; and fnmatch on a table of patterns and on generated
 * patterns and strings under every combination of its flags. */
#define _GNU_SOURCE /* GNU basename, the _np functions */
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "check.h"
#include "libc_gpu_host.h"
#include "vs_glibc.h"

/* <libgen.h> would make basename POSIX's here: declared by hand instead. */
char *dirname(char *path);
char *__xpg_basename(char *path);
size_t __ctype_get_mb_cur_max(void);
extern char **environ;

static void check_text(const char *what, const char *input, const char *ours, const char *theirs) {
  check_case(ours && theirs ? strcmp(ours, theirs) == 0 : ours == theirs, what, input,
             ours ? ours : "NULL", theirs ? theirs : "NULL");
}

static void signal_and_error_texts(void) {
  static const int extremes[] = {INT_MIN, INT_MIN + 1, -1000, 1000, INT_MAX};
  for (int i = -5; i < 75 + 5; ++i) {
    int number = i < 75 ? i : extremes[i - 75];
    char input[16];
    snprintf(input, sizeof input, "%d", number);
    check_text("strsignal", input, libc_gpu_strsignal(number), strsignal(number));
    check_text("sigabbrev_np", input, libc_gpu_sigabbrev_np(number), sigabbrev_np(number));
    check_text("sigdescr_np", input, libc_gpu_sigdescr_np(number), sigdescr_np(number));
  }
  for (int i = -5; i < 145 + 5; ++i) {
    int number = i < 145 ? i : extremes[i - 145];
    char input[16];
    snprintf(input, sizeof input, "%d", number);
    check_text("strerrordesc_np", input, libc_gpu_strerrordesc_np(number), strerrordesc_np(number));
    check_text("strerrorname_np", input, libc_gpu_strerrorname_np(number), strerrorname_np(number));
  }
}

typedef char *(*path_fn)(char *);

/* One path by both: the result and the path buffer afterwards. */
static void compare_path(const char *what, path_fn ours_fn, path_fn theirs_fn, const char *path) {
  char ours_buffer[64], theirs_buffer[64], got[160], expected[160];
  snprintf(ours_buffer, sizeof ours_buffer, "%s", path ? path : "");
  snprintf(theirs_buffer, sizeof theirs_buffer, "%s", path ? path : "");
  const char *ours = ours_fn(path ? ours_buffer : NULL);
  const char *theirs = theirs_fn(path ? theirs_buffer : NULL);
  snprintf(got, sizeof got, "\"%s\" buffer \"%s\"", ours ? ours : "NULL", ours_buffer);
  snprintf(expected, sizeof expected, "\"%s\" buffer \"%s\"", theirs ? theirs : "NULL",
           theirs_buffer);
  check_case(strcmp(got, expected) == 0, what, path ? path : "NULL", got, expected);
}

static char *gnu_basename_ours(char *path) {
  return libc_gpu_basename(path);
}
static char *gnu_basename_theirs(char *path) {
  return basename(path);
}

static void paths(void) {
  static const char *const table[] = {
      "",    "/",    "//",   "///",  "a",        "a/",           "a//",     "/a",
      "//a", "///a", "a/b",  "a/b/", "/a/b",     "a//b",         "/a//b//", ".",
      "..",  "./",   "../a", "usr/", "/usr/lib", "//usr//lib//", "a/b/c/"};
  static const char *const pieces[] = {"/", "//", "a", "bc", ".", ".."};
  for (size_t i = 0; i <= sizeof table / sizeof *table; ++i) {
    const char *path = i < sizeof table / sizeof *table ? table[i] : NULL;
    compare_path("dirname", libc_gpu_dirname, dirname, path);
    compare_path("basename (POSIX)", libc_gpu___xpg_basename, __xpg_basename, path);
    if (path)
      compare_path("basename (GNU)", gnu_basename_ours, gnu_basename_theirs, path);
  }
  for (int i = 0; i < 5000; ++i) {
    char path[64] = "";
    int count = (int)test_random_below(7);
    for (int k = 0; k < count; ++k)
      strcat(path, pieces[test_random_below(sizeof pieces / sizeof *pieces)]);
    compare_path("dirname", libc_gpu_dirname, dirname, path);
    compare_path("basename (POSIX)", libc_gpu___xpg_basename, __xpg_basename, path);
    compare_path("basename (GNU)", gnu_basename_ours, gnu_basename_theirs, path);
  }
}

static void characters(void) {
  for (long wide = -3; wide < 0x3000; ++wide) {
    char input[24], got[16], expected[16];
    snprintf(input, sizeof input, "%#lx", wide);
    snprintf(got, sizeof got, "%d", libc_gpu_wcwidth((wchar_t)wide));
    snprintf(expected, sizeof expected, "%d", wcwidth((wchar_t)wide));
    check_case(!strcmp(got, expected), "wcwidth", input, got, expected);
  }
  static const long far[] = {0x10ffff, 0x110000, 0x7fffffff, INT_MIN};
  for (size_t i = 0; i < sizeof far / sizeof *far; ++i) {
    char input[24], got[16], expected[16];
    snprintf(input, sizeof input, "%#lx", far[i]);
    snprintf(got, sizeof got, "%d", libc_gpu_wcwidth((wchar_t)far[i]));
    snprintf(expected, sizeof expected, "%d", wcwidth((wchar_t)far[i]));
    check_case(!strcmp(got, expected), "wcwidth", input, got, expected);
  }
  for (int byte = 0; byte < 256; ++byte)
    for (int form = 0; form < 4; ++form) {
      char text[2] = {(char)byte, 'x'};
      wchar_t ours_wide = 7, theirs_wide = 7;
      size_t size = form == 1 ? 0 : form == 2 ? 1 : 2;
      libc_gpu_errno = errno = 0;
      int ours = libc_gpu_mbtowc(form == 3 ? NULL : &ours_wide, text, size);
      int ours_errno = libc_gpu_errno;
      int theirs = mbtowc(form == 3 ? NULL : &theirs_wide, text, size);
      char input[32], got[48], expected[48];
      snprintf(input, sizeof input, "byte %#x, n %zu%s", byte, size, form == 3 ? ", pwc NULL" : "");
      snprintf(got, sizeof got, "%d wide %#x errno %d", ours, (unsigned)ours_wide,
               ours < 0 ? ours_errno : 0);
      snprintf(expected, sizeof expected, "%d wide %#x errno %d", theirs, (unsigned)theirs_wide,
               theirs < 0 ? errno : 0);
      check_case(!strcmp(got, expected), "mbtowc", input, got, expected);
    }
  char got[32], expected[32];
  snprintf(got, sizeof got, "%d", libc_gpu_mbtowc(NULL, NULL, 0));
  snprintf(expected, sizeof expected, "%d", mbtowc(NULL, NULL, 0));
  check_case(!strcmp(got, expected), "mbtowc", "NULL, NULL, 0 (state-dependent?)", got, expected);
  snprintf(got, sizeof got, "%zu", libc_gpu___ctype_get_mb_cur_max());
  snprintf(expected, sizeof expected, "%zu", MB_CUR_MAX);
  check_case(!strcmp(got, expected), "__ctype_get_mb_cur_max", "C locale", got, expected);
}

/* glibc's environ is the test process's: a copy is put back at the end. */
static void clearenvs(void) {
  size_t count = 0;
  while (environ && environ[count])
    ++count;
  char **saved = malloc((count + 1) * sizeof *saved);
  for (size_t i = 0; i < count; ++i)
    saved[i] = strdup(environ[i]);
  saved[count] = NULL;
  for (int round = 0; round < 3; ++round) {
    setenv("GETOPT_TEST", "1", 1);
    libc_gpu_setenv("GETOPT_TEST", "1", 1);
    char got[64], expected[64];
    int ours = libc_gpu_clearenv(), theirs = clearenv();
    snprintf(got, sizeof got, "%d environ %s getenv %s", ours, libc_gpu_environ ? "set" : "NULL",
             libc_gpu_getenv("GETOPT_TEST") ? "found" : "NULL");
    snprintf(expected, sizeof expected, "%d environ %s getenv %s", theirs, environ ? "set" : "NULL",
             getenv("GETOPT_TEST") ? "found" : "NULL");
    check_case(!strcmp(got, expected), "clearenv", "after setenv", got, expected);
    /* The environment works again afterwards. */
    libc_gpu_setenv("B", "2", 0);
    setenv("B", "2", 0);
    snprintf(got, sizeof got, "%s %s", libc_gpu_environ[0], libc_gpu_environ[1] ? "more" : "end");
    snprintf(expected, sizeof expected, "%s %s", environ[0], environ[1] ? "more" : "end");
    check_case(!strcmp(got, expected), "clearenv", "then setenv", got, expected);
  }
  libc_gpu_clearenv();
  clearenv();
  environ = saved;
}

static const int fnmatch_flags[] = {FNM_PATHNAME, FNM_NOESCAPE, FNM_PERIOD, FNM_LEADING_DIR,
                                    FNM_CASEFOLD};

static void compare_fnmatch(const char *pattern, const char *string, int flags) {
  int ours = libc_gpu_fnmatch(pattern, string, flags);
  int theirs = fnmatch(pattern, string, flags);
  char input[256], got[16], expected[16];
  snprintf(input, sizeof input, "\"%s\" on \"%s\", flags %#x", pattern, string, flags);
  snprintf(got, sizeof got, "%d", ours);
  snprintf(expected, sizeof expected, "%d", theirs);
  check_case(ours == theirs, "fnmatch", input, got, expected);
}

static void patterns(void) {
  static const char *const table[][2] = {
      {"*.c", "main.c"},
      {"*.c", ".c"},
      {"*", ".profile"},
      {"a/*", "a/.b"},
      {"*/b", "a/b"},
      {"a*b", "a/x/b"},
      {"*", "a/b"},
      {"a?c", "a/c"},
      {"[a-c]x", "bx"},
      {"[!a-c]x", "bx"},
      {"[^a-c]x", "dx"},
      {"[]a]", "]"},
      {"[!]]", "]"},
      {"[a", "[a"},
      {"[a", "a"},
      {"\\*", "*"},
      {"\\", "\\"},
      {"a\\", "a"},
      {"[[:alpha:]]", "q"},
      {"[[:alpha:][:digit:]]", "5"},
      {"[[:upper:]]", "a"},
      {"[[:bogus:]]", "a"},
      {"[![:bogus:]]", "a"},
      {"[[:Alpha:]]", "A"},
      {"[[:alpha:]", "a"},
      {"[[=a=]]", "a"},
      {"[[=a]", "a"},
      {"[[.a.]]", "a"},
      {"[[.a.]-c]", "b"},
      {"[a-[.c.]]", "b"},
      {"[[.ab.]]", "a"},
      {"[[.-.]]", "-"},
      {"[a-]", "-"},
      {"[-a]", "-"},
      {"[z-a]", "m"},
      {"[\\]]", "]"},
      {"[\\", "\\"},
      {"*[.]x", ".x"},
      {"?*[.]b", "x.b"},
      {"*?[.]b", "x.b"},
      {"a*", "abc/def"},
      {"a*c", "abc/def"},
      {"*a", "ba/c"},
      {"[/]", "/"},
      {"a[/]b", "a/b"},
      {"*/.*", "a/.b"},
      {"**/*", "a/b"},
      {"*?", ""},
      {"", ""},
      {"", "a"},
      {"abc", "ABC"},
      {"[A-Z]", "q"},
      {"*x*y*z", "axbyczx"},
      {"*[xy]*z", "axbyc"},
      {"\xe9", "\xe9"},
      {"[\x80-\xff]", "\xe9"},
      {"[a-\xff]", "\x80"},
      {"[[:alpha:]]", "\xe9"},
  };
  for (size_t i = 0; i < sizeof table / sizeof *table; ++i)
    for (int flags = 0; flags < 32; ++flags) {
      int bits = 0;
      for (int k = 0; k < 5; ++k)
        if (flags & (1 << k))
          bits |= fnmatch_flags[k];
      compare_fnmatch(table[i][0], table[i][1], bits);
    }
  static const char *const pattern_pieces[] = {"*",
                                               "?",
                                               "a",
                                               "b",
                                               ".",
                                               "/",
                                               "[ab]",
                                               "[!a]",
                                               "[^a]",
                                               "[a-c]",
                                               "[]a]",
                                               "[!]]",
                                               "\\*",
                                               "\\",
                                               "[[:alpha:]]",
                                               "[[:digit:][:upper:]]",
                                               "[[:bogus:]]",
                                               "[[=a=]]",
                                               "[[.a.]]",
                                               "[[.a.]-c]",
                                               "[a-[.c.]]",
                                               "[",
                                               "]",
                                               "[a",
                                               "[[:",
                                               "A",
                                               "B",
                                               "[Z-a]",
                                               "[\\]]",
                                               "[a-]",
                                               "**",
                                               "*?",
                                               "[.]",
                                               "[/]",
                                               "\\a",
                                               "[!.]",
                                               "-"};
  static const char *const string_pieces[] = {"a",  "b", "c",  "A",  ".",  "/", "[",    "]", "*",
                                              "\\", "x", "ab", "..", "//", "-", "\xe9", "B"};
  for (int i = 0; i < 60000; ++i) {
    char pattern[128] = "", string[64] = "";
    int count = (int)test_random_below(6);
    for (int k = 0; k < count; ++k)
      strcat(pattern,
             pattern_pieces[test_random_below(sizeof pattern_pieces / sizeof *pattern_pieces)]);
    count = (int)test_random_below(7);
    for (int k = 0; k < count; ++k)
      strcat(string,
             string_pieces[test_random_below(sizeof string_pieces / sizeof *string_pieces)]);
    int bits = 0;
    for (int k = 0; k < 5; ++k)
      if (test_random_below(3) == 0)
        bits |= fnmatch_flags[k];
    compare_fnmatch(pattern, string, bits);
  }
  /* A long string against many stars, which glibc's recursion and our loop
   * both finish. */
  char long_string[2000];
  memset(long_string, 'a', sizeof long_string - 1);
  long_string[sizeof long_string - 1] = '\0';
  compare_fnmatch("*a*a*a*a*a*a*a*a*b", long_string, 0);
  compare_fnmatch("*a*a*a*a*a*a*a*a*a", long_string, FNM_PATHNAME);
}

void misc_vs_glibc(void) {
  signal_and_error_texts();
  paths();
  characters();
  patterns();
  clearenvs();
}
