/* libc_gpu against glibc, which it copies: printf formatting, string to
 * integer conversion, string and memory functions, ctype, qsort, bsearch,
 * strerror, rand, the host target's math, stdio on files, time, the
 * environment, the scanf family, smaller POSIX pieces, getopt, strptime
 * (with time), fnmatch, regex and the GNU text functions. Prints each
 * mismatch (the first 20) and a last line "N passed, M failed"; exits
 * non-zero on any failure. */
#include "check.h"
#include "vs_glibc.h"

int main(void) {
  format_vs_glibc();
  check_section("printf formatting");
  strto_vs_glibc();
  check_section("strtol family and atoi");
  string_vs_glibc();
  check_section("string, memory, ctype, qsort, bsearch, strerror, rand");
  math_vs_glibc();
  check_section("host math (rounding, fmin/fmax, sqrt)");
  stdio_vs_glibc();
  check_section("stdio on files (reads, writes, ungetc, seeks, flushes, buffering)");
  time_vs_glibc();
  check_section("time (gmtime, localtime, mktime, timegm, difftime in UTC; the clocks; strptime)");
  env_vs_glibc();
  check_section("environment (setenv, unsetenv, putenv, getenv)");
  scanf_vs_glibc();
  check_section("scanf family (sscanf, fscanf on files: results, consumed input)");
  posix_vs_glibc();
  check_section("getline, dprintf, strerror_r, fgetpos, isatty, sysconf");
  getopt_vs_glibc();
  check_section("getopt, getopt_long, getopt_long_only (results, argv, messages), getsubopt");
  misc_vs_glibc();
  check_section("strsignal, strerror*_np, dirname, basename, wcwidth, mbtowc, clearenv, fnmatch");
  regex_vs_glibc();
  check_section("regcomp, regexec, regerror, regfree");
  return check_summary();
}
