/* glibc's regexec: the leftmost-longest match, its groups as glibc reports
 * them. With REG_NOSUB (at regcomp) pmatch is never written. */
#include <regex.h>
#include <string.h>

#include "../__support/regex_search.h"

int regexec(const regex_t *restrict preg, const char *restrict string, size_t nmatch,
            regmatch_t pmatch[], int eflags) {
  const struct regex_program *program = preg->__program;
  /* glibc's answer to flags it does not know. */
  if (eflags & ~(REG_NOTBOL | REG_NOTEOL | REG_STARTEND))
    return REG_BADPAT;
  if (!program)
    return REG_BADPAT;
  struct regex_subject subject = {
      .text = (const unsigned char *)string,
      .icase = (program->cflags & REG_ICASE) != 0,
      .newline = (program->cflags & REG_NEWLINE) != 0,
      .notbol = (eflags & REG_NOTBOL) != 0,
      .noteol = (eflags & REG_NOTEOL) != 0,
  };
  if (eflags & REG_STARTEND) {
    if (pmatch[0].rm_so < 0 || pmatch[0].rm_eo < pmatch[0].rm_so)
      return REG_NOMATCH;
    subject.begin = (size_t)pmatch[0].rm_so;
    subject.end = (size_t)pmatch[0].rm_eo;
  } else {
    subject.end = strlen(string);
  }
  if (program->cflags & REG_NOSUB)
    nmatch = 0;
  return __regex_search(program, &subject, nmatch, pmatch);
}
