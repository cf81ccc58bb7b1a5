/* regcomp's work: a pattern in glibc's syntax becomes glibc's NFA. */
#ifndef LIBC_GPU_SUPPORT_REGEX_COMPILE_H
#define LIBC_GPU_SUPPORT_REGEX_COMPILE_H

#include "regex_program.h"

/* 0 and *out set, or a REG_E* code (REG_EPAREN for an unmatched ')', as
 * regcomp answers) and *out NULL. cflags: regcomp's. */
int __regex_compile(const char *pattern, int cflags, struct regex_program **out);

/* NULL is allowed. */
void __regex_program_free(struct regex_program *program);

#endif
