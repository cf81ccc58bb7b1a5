/* A back-reference's future depends on what its group holds, so the state
 * of the search is (node, position, the referenced groups' offsets). The
 * search is depth first on an explicit stack, a SPLIT's lower exit first as
 * glibc tries them, and remembers every state it has entered: a state met
 * again has nothing new to give (the first visit explored all of it, from a
 * path glibc prefers). That bounds the work by the number of distinct
 * states, polynomial in the subject, rather than by the number of paths.
 *
 * glibc matches back-references with a search of its own; the two agree on
 * the whole match (except where glibc stops short of the longest, as
 * /(a+)+\1/ on "aaaa": glibc (0,2), here (0,4)), but groups inside
 * repetitions can differ: here a group keeps its last match along the
 * path, without glibc's undoing of empty optional passes (update_regs). */
#include "regex_backtrack.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum step_kind {
  STEP_ENTER,   /* enter node at position */
  STEP_RESTORE, /* undo a group's offsets on the way back */
};

struct step {
  int32_t kind;
  int32_t node; /* or the group, for STEP_RESTORE */
  size_t at;
  long old_start, old_end;
};

/* The states entered so far: keys of key_words words, found through an
 * open-addressing table of key numbers + 1. */
struct visited {
  uint64_t *keys;
  size_t key_words, count, capacity;
  uint32_t *table;
  size_t table_size;
};

struct backtrack {
  const struct regex_program *p;
  const struct regex_subject *s;
  long *groups; /* 2 per group: start, end; -1 for none */
  struct step *steps;
  size_t step_count, step_capacity;
  struct visited visited;
  uint64_t *key; /* the state being entered */
};

static uint64_t hash_key(const uint64_t *key, size_t words) {
  uint64_t h = 0x9e3779b97f4a7c15u;
  for (size_t i = 0; i < words; ++i) {
    h ^= key[i];
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 32;
  }
  return h;
}

static int grow_table(struct visited *v) {
  size_t size = v->table_size ? v->table_size * 2 : 1024;
  uint32_t *table = calloc(size, sizeof *table);
  if (!table)
    return -1;
  for (size_t i = 0; i < v->count; ++i) {
    size_t slot = hash_key(v->keys + i * v->key_words, v->key_words) & (size_t)(size - 1);
    while (table[slot])
      slot = (slot + 1) & (size - 1);
    table[slot] = (uint32_t)(i + 1);
  }
  free(v->table);
  v->table = table;
  v->table_size = size;
  return 0;
}

/* 1 when key is new (and now recorded), 0 when seen, -1 out of memory or
 * past REGEX_BACKTRACK_STATES_MAX. */
static int visit(struct visited *v, const uint64_t *key) {
  size_t bytes = v->key_words * sizeof *key;
  if (v->table_size) {
    size_t slot = hash_key(key, v->key_words) & (v->table_size - 1);
    for (; v->table[slot]; slot = (slot + 1) & (v->table_size - 1))
      if (!memcmp(v->keys + (v->table[slot] - 1) * v->key_words, key, bytes))
        return 0;
  }
  if (v->count >= REGEX_BACKTRACK_STATES_MAX)
    return -1;
  if (v->count == v->capacity) {
    size_t bigger = v->capacity ? v->capacity * 2 : 256;
    uint64_t *keys = realloc(v->keys, bigger * bytes);
    if (!keys)
      return -1;
    v->keys = keys;
    v->capacity = bigger;
  }
  if ((v->count + 1) * 2 > v->table_size && grow_table(v))
    return -1;
  memcpy(v->keys + v->count * v->key_words, key, bytes);
  size_t slot = hash_key(key, v->key_words) & (v->table_size - 1);
  while (v->table[slot])
    slot = (slot + 1) & (v->table_size - 1);
  v->table[slot] = (uint32_t)(++v->count);
  return 1;
}

static int push(struct backtrack *b, int32_t kind, int32_t node, size_t at) {
  if (b->step_count == b->step_capacity) {
    size_t bigger = b->step_capacity ? b->step_capacity * 2 : 64;
    struct step *grown = realloc(b->steps, bigger * sizeof *grown);
    if (!grown)
      return -1;
    b->steps = grown;
    b->step_capacity = bigger;
  }
  struct step *step = &b->steps[b->step_count++];
  step->kind = kind;
  step->node = node;
  step->at = at;
  if (kind == STEP_RESTORE) {
    step->old_start = b->groups[2 * node];
    step->old_end = b->groups[2 * node + 1];
  }
  return 0;
}

/* Whether the text group g matched is at position at again. */
static size_t backreference_length(const struct backtrack *b, int32_t g, size_t at, int *ok) {
  long start = b->groups[2 * g], end = b->groups[2 * g + 1];
  *ok = 0;
  if (start < 0 || end < start)
    return 0; /* glibc: a group that took no part matches nothing */
  size_t length = (size_t)(end - start);
  if (length > b->s->end - at)
    return 0;
  for (size_t i = 0; i < length; ++i)
    if (regex_byte(b->s, (size_t)start + i) != regex_byte(b->s, at + i))
      return 0;
  *ok = 1;
  return length;
}

/* Explores from (start node, from); *best_end grows to the longest end
 * found (NO match: left as it was), best_groups holding that path's groups. */
static int explore(struct backtrack *b, size_t from, size_t *best_end, int *found,
                   long *best_groups) {
  const struct regex_program *p = b->p;
  if (push(b, STEP_ENTER, p->start, from))
    return REG_ESPACE;
  while (b->step_count) {
    struct step step = b->steps[--b->step_count];
    if (step.kind == STEP_RESTORE) {
      b->groups[2 * step.node] = step.old_start;
      b->groups[2 * step.node + 1] = step.old_end;
      continue;
    }
    int32_t n = step.node;
    size_t at = step.at, words = 2;
    b->key[0] = (uint64_t)n;
    b->key[1] = (uint64_t)at;
    for (int g = 0; g < 9; ++g)
      if (p->referenced_groups & (1u << g)) {
        b->key[words++] = (uint64_t)b->groups[2 * g];
        b->key[words++] = (uint64_t)b->groups[2 * g + 1];
      }
    int fresh = visit(&b->visited, b->key);
    if (fresh < 0)
      return REG_ESPACE;
    if (!fresh)
      continue;
    const struct regex_node *node = &p->nodes[n];
    int failed = 0;
    switch (node->type) {
    case REGEX_END:
      if (!*found || at > *best_end) {
        *found = 1;
        *best_end = at;
        memcpy(best_groups, b->groups, 2 * p->group_count * sizeof *best_groups);
        /* Nothing is longer than the whole text, nor preferred to this. */
        if (at == b->s->end)
          return 0;
      }
      break;
    case REGEX_CHAR:
    case REGEX_SET:
    case REGEX_ANY:
      if (at < b->s->end && regex_consumes(p, b->s, node, at))
        failed = push(b, STEP_ENTER, node->exits[0], at + 1);
      break;
    case REGEX_BACKREF: {
      int ok;
      size_t length = backreference_length(b, node->value, at, &ok);
      if (ok)
        failed = push(b, STEP_ENTER, node->exits[0], at + length);
      break;
    }
    case REGEX_ANCHOR:
      if (regex_anchor_holds(b->s, node->value, at))
        failed = push(b, STEP_ENTER, node->exits[0], at);
      break;
    case REGEX_OPEN:
    case REGEX_CLOSE:
      failed = push(b, STEP_RESTORE, node->value, at);
      if (node->type == REGEX_OPEN) {
        b->groups[2 * node->value] = (long)at;
        b->groups[2 * node->value + 1] = -1;
      } else {
        b->groups[2 * node->value + 1] = (long)at;
      }
      failed = failed || push(b, STEP_ENTER, node->exits[0], at);
      break;
    default: /* REGEX_SPLIT: exits[0] on top, tried first */
      if (node->exits[1] >= 0)
        failed = push(b, STEP_ENTER, node->exits[1], at);
      failed = failed || push(b, STEP_ENTER, node->exits[0], at);
      break;
    }
    if (failed)
      return REG_ESPACE;
  }
  return 0;
}

int __regex_backtrack(const struct regex_program *p, const struct regex_subject *s,
                      size_t *match_start, size_t *match_end, long *groups) {
  struct backtrack b = {.p = p, .s = s};
  int referenced = 0;
  for (int g = 0; g < 9; ++g)
    referenced += (p->referenced_groups >> g) & 1;
  b.visited.key_words = 2 + 2 * (size_t)referenced;
  b.key = malloc(b.visited.key_words * sizeof *b.key);
  b.groups = malloc((2 * p->group_count + 1) * sizeof *b.groups);
  int result = REG_ESPACE;
  if (!b.key || !b.groups)
    goto done;
  /* States entered from an earlier start all failed, and would fail again:
   * the set is kept across starts. */
  result = REG_NOMATCH;
  for (size_t from = s->begin; from <= s->end; ++from) {
    for (size_t i = 0; i < 2 * p->group_count; ++i)
      b.groups[i] = -1;
    b.step_count = 0;
    int found = 0;
    size_t end = 0;
    int error = explore(&b, from, &end, &found, groups);
    if (error) {
      result = error;
      break;
    }
    if (found) {
      *match_start = from;
      *match_end = end;
      result = 0;
      break;
    }
  }
done:
  free(b.key);
  free(b.groups);
  free(b.steps);
  free(b.visited.keys);
  free(b.visited.table);
  return result;
}
