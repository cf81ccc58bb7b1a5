/* The text regexec searches, and what each node sees at a position of it:
 * the byte there (upper-cased under REG_ICASE, as glibc compares) and the
 * context on either side that anchors test. Shared by both matchers. */
#ifndef LIBC_GPU_SUPPORT_REGEX_SUBJECT_H
#define LIBC_GPU_SUPPORT_REGEX_SUBJECT_H

#include "regex_program.h"

#include <ctype.h>

struct regex_subject {
  const unsigned char *text;
  /* The bytes searched: [begin, end) of text (REG_STARTEND moves them). */
  size_t begin, end;
  int icase, newline, notbol, noteol;
};

/* What lies on one side of a position, glibc's CONTEXT_* bits. */
enum {
  REGEX_CONTEXT_WORD = 1,
  REGEX_CONTEXT_NEWLINE = 2, /* a line ends here ('\n' under REG_NEWLINE, or the text's edge) */
  REGEX_CONTEXT_EDGE = 4,    /* the text's first or last byte is here */
};

static inline unsigned char regex_byte(const struct regex_subject *s, size_t at) {
  return s->icase ? (unsigned char)toupper(s->text[at]) : s->text[at];
}

static inline int regex_byte_context(const struct regex_subject *s, unsigned char byte) {
  if (byte == '_' || (byte < 0x80 && isalnum(byte)))
    return REGEX_CONTEXT_WORD;
  return byte == '\n' && s->newline ? REGEX_CONTEXT_NEWLINE : 0;
}

/* Before position at. glibc reads the byte before begin when there is one,
 * so under REG_STARTEND a match at begin > 0 is not at a line start. */
static inline int regex_context_before(const struct regex_subject *s, size_t at) {
  if (at == 0)
    return s->notbol ? REGEX_CONTEXT_EDGE : REGEX_CONTEXT_EDGE | REGEX_CONTEXT_NEWLINE;
  return regex_byte_context(s, s->text[at - 1]);
}

static inline int regex_context_after(const struct regex_subject *s, size_t at) {
  if (at == s->end)
    return s->noteol ? REGEX_CONTEXT_EDGE : REGEX_CONTEXT_EDGE | REGEX_CONTEXT_NEWLINE;
  return regex_byte_context(s, s->text[at]);
}

static inline int regex_anchor_holds(const struct regex_subject *s, int anchor, size_t at) {
  int before = regex_context_before(s, at), after = regex_context_after(s, at);
  int word_before = before & REGEX_CONTEXT_WORD, word_after = after & REGEX_CONTEXT_WORD;
  switch (anchor) {
  case REGEX_LINE_FIRST:
    return (before & REGEX_CONTEXT_NEWLINE) != 0;
  case REGEX_LINE_LAST:
    return (after & REGEX_CONTEXT_NEWLINE) != 0;
  case REGEX_BUF_FIRST:
    return (before & REGEX_CONTEXT_EDGE) != 0;
  case REGEX_BUF_LAST:
    return (after & REGEX_CONTEXT_EDGE) != 0;
  case REGEX_WORD_FIRST:
    return !word_before && word_after;
  case REGEX_WORD_LAST:
    return word_before && !word_after;
  case REGEX_INSIDE_WORD:
    return word_before && word_after;
  default: /* REGEX_INSIDE_NOTWORD */
    return !word_before && !word_after;
  }
}

/* Whether a one-byte node takes the byte at position at (< end). */
static inline int regex_consumes(const struct regex_program *p, const struct regex_subject *s,
                                 const struct regex_node *node, size_t at) {
  unsigned char byte = regex_byte(s, at);
  switch (node->type) {
  case REGEX_CHAR:
    return byte == (unsigned char)node->value;
  case REGEX_SET:
    return regex_set_has(&p->sets[node->value], byte);
  case REGEX_ANY:
    return byte != '\0' && !(byte == '\n' && s->newline);
  default:
    return 0;
  }
}

#endif
