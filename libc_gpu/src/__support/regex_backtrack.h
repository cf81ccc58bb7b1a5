/* Matching with back-references, which no finite automaton can do: a
 * depth-first search over (node, position, what the referenced groups
 * hold), each such state explored once. */
#ifndef LIBC_GPU_SUPPORT_REGEX_BACKTRACK_H
#define LIBC_GPU_SUPPORT_REGEX_BACKTRACK_H

#include "regex_subject.h"

/* The leftmost start, then the longest end; groups (2 * group_count
 * entries: start and end of each, -1 for none) from the first path, in
 * the order glibc tries a SPLIT's exits, that reaches that end. 0,
 * REG_NOMATCH, or REG_ESPACE (out of memory, or more states than
 * REGEX_BACKTRACK_STATES_MAX). */
int __regex_backtrack(const struct regex_program *program, const struct regex_subject *subject,
                      size_t *match_start, size_t *match_end, long *groups);

/* A bound on the work: each state costs a few dozen bytes and one visit. */
#define REGEX_BACKTRACK_STATES_MAX (1 << 20)

#endif
