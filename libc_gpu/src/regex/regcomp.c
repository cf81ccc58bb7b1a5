/* glibc's regcomp in the C locale: the compiling is __regex_compile's. */
#include <regex.h>

#include "../__support/regex_compile.h"

int regcomp(regex_t *restrict preg, const char *restrict pattern, int cflags) {
  struct regex_program *program;
  int error = __regex_compile(pattern, cflags, &program);
  preg->__program = program;
  preg->__cflags = cflags;
  preg->re_nsub = program ? program->group_count : 0;
  return error;
}
