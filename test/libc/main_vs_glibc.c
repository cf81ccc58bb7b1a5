/* libc_gpu against glibc, which it copies: printf formatting, string to
 * integer conversion, string and memory functions, ctype, qsort, bsearch,
 * strerror, rand, the host target's math and stdio on files. Prints each
 * mismatch (the first 20) and a last line "N passed, M failed"; exits non-zero
 * on any failure. */
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
  return check_summary();
}
