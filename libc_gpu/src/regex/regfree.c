/* Frees what regcomp allocated; the regex_t may then be compiled again. */
#include <regex.h>

#include "../__support/regex_compile.h"

void regfree(regex_t *preg) {
  __regex_program_free(preg->__program);
  preg->__program = 0;
}
