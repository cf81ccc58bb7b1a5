/* The compiled form of a regular expression, built by regcomp, run by
 * regexec and freed by regfree. It is glibc's NFA node for node and in
 * glibc's numbering: glibc reports submatches by walking that graph and
 * taking, at each fork, the exit with the lower node number that can still
 * reach the match's end, so the same graph gives the same answers. */
#ifndef LIBC_GPU_SUPPORT_REGEX_PROGRAM_H
#define LIBC_GPU_SUPPORT_REGEX_PROGRAM_H

#include <regex.h>
#include <stddef.h>
#include <stdint.h>

enum regex_node_type {
  /* Nodes that consume one byte of the subject. */
  REGEX_CHAR, /* the byte value */
  REGEX_SET,  /* a byte in sets[value] */
  REGEX_ANY,  /* '.': any byte but NUL, and but '\n' under REG_NEWLINE */
  /* The text group value matched, again (it consumes that many bytes). */
  REGEX_BACKREF,
  /* The whole pattern has matched. */
  REGEX_END,
  /* Epsilon nodes: they consume nothing. */
  REGEX_SPLIT,  /* '|', '*', '?', {m,n}: both exits, exits[0] preferred */
  REGEX_ANCHOR, /* passes where the assertion value (enum regex_anchor) holds */
  REGEX_OPEN,   /* group value starts here */
  REGEX_CLOSE,  /* group value ends here */
};

/* glibc's assertions; \b and \B are a SPLIT between two of them. */
enum regex_anchor {
  REGEX_LINE_FIRST,     /* ^ */
  REGEX_LINE_LAST,      /* $ */
  REGEX_BUF_FIRST,      /* \` */
  REGEX_BUF_LAST,       /* \' */
  REGEX_WORD_FIRST,     /* \< */
  REGEX_WORD_LAST,      /* \> */
  REGEX_INSIDE_WORD,    /* half of \B */
  REGEX_INSIDE_NOTWORD, /* the other half */
};

struct regex_node {
  uint8_t type; /* enum regex_node_type */
  /* OPEN and CLOSE of a group made optional by '?', '*' or {0,n}: glibc
   * undoes an empty pass through such a group after its first match. */
  uint8_t optional;
  int32_t value;
  /* Where the node leads; -1 for none. Consuming nodes and BACKREF use
   * exits[0] alone; a SPLIT's exits are in ascending order, as glibc's. */
  int32_t exits[2];
};

/* A set of bytes, one bit each. */
struct regex_set {
  uint32_t bits[8];
};

struct regex_program {
  struct regex_node *nodes;
  int32_t node_count;
  int32_t start; /* the node where every match begins */
  int32_t end;   /* the REGEX_END node */
  struct regex_set *sets;
  /* The epsilon edges backwards, for the pass that finds which nodes can
   * still reach the end: the nodes leading to node n are
   * epsilon_sources[epsilon_source_start[n] .. epsilon_source_start[n + 1]). */
  int32_t *epsilon_source_start;
  int32_t *epsilon_sources;
  size_t group_count; /* re_nsub */
  /* glibc makes ((x)) one group: group i reports group_map[i]'s offsets. */
  int32_t *group_map;
  /* Bit i: some back-reference reads group i (groups 0 to 8, \1 to \9). */
  uint32_t referenced_groups;
  int cflags;
};

static inline int regex_set_has(const struct regex_set *set, unsigned char c) {
  return (set->bits[c >> 5] >> (c & 31)) & 1;
}

static inline int regex_node_is_epsilon(const struct regex_node *node) {
  return node->type >= REGEX_SPLIT;
}

#endif
