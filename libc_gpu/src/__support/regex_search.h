/* regexec's work: the leftmost-longest match of a compiled pattern, and
 * the offsets of its groups as glibc reports them. */
#ifndef LIBC_GPU_SUPPORT_REGEX_SEARCH_H
#define LIBC_GPU_SUPPORT_REGEX_SEARCH_H

#include "regex_subject.h"

/* 0 with pmatch[0, nmatch) set (groups that took no part, and slots past
 * the pattern's groups, are -1), REG_NOMATCH with pmatch untouched, or
 * REG_ESPACE when memory ran out. nmatch 0: only whether it matches. */
int __regex_search(const struct regex_program *program, const struct regex_subject *subject,
                   size_t nmatch, regmatch_t *pmatch);

#endif
