/* Matching without back-references in time linear in the subject, in
 * three passes, as glibc does it:
 *  1. forward over the subject with the set of live NFA nodes, each
 *     remembering the earliest start that reaches it: the leftmost start,
 *     then the longest end from it;
 *  2. backward over that match, marking at each position the nodes from
 *     which its end is still reachable;
 *  3. forward once more along one path, glibc's set_regs: at each fork the
 *     lower-numbered exit that is still marked, unless this position already
 *     passed through it (then the other), recording groups as it goes.
 * Pass 2 keeps a bit per node per position of the match, the only memory
 * that grows with the subject; it runs only when groups are asked for.
 *
 * Where glibc's own automaton goes wrong, this one answers as POSIX says:
 *  - without REG_NEWLINE a '\n' is an ordinary byte, where glibc takes it
 *    for a line end between two parts of a pattern (/.^/ matches "a\nb" in
 *    glibc, not here);
 *  - word assertions in or right after repetitions hold where they are
 *    (glibc: /a*\B/ on "ba" at (2,2), /(\<a|b)+/ on "aab" no match with
 *    groups asked for and (0,3) without; here (1,1) and (0,1));
 *  - glibc copies the nodes after an anchor per context, and its walk
 *    takes copies in its own order; here only the choice between the
 *    original END and a copy is copied (mark_alive), so submatches can
 *    differ where several anchors sit inside repeated groups. */
#include "regex_search.h"

#include "regex_backtrack.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NO_POSITION SIZE_MAX

struct thread {
  int32_t node;
  size_t start; /* the earliest start from which this node is live */
};

struct forward {
  const struct regex_program *p;
  const struct regex_subject *s;
  struct thread *seeds, *live;
  size_t seed_count, live_count;
  size_t *seen;   /* per node: position + 1 when it last joined the live set */
  int32_t *stack; /* the epsilon closure's work */
  size_t best_start, best_end;
};

/* The live set at position at: what the seeds reach through epsilon nodes.
 * Seeds come in order of start, so each node keeps its earliest. */
static void close_over(struct forward *f, size_t at) {
  const struct regex_program *p = f->p;
  f->live_count = 0;
  for (size_t i = 0; i < f->seed_count; ++i) {
    int32_t seed = f->seeds[i].node;
    size_t start = f->seeds[i].start;
    if (f->seen[seed] == at + 1)
      continue;
    f->seen[seed] = at + 1;
    size_t depth = 0;
    f->stack[depth++] = seed;
    while (depth) {
      int32_t n = f->stack[--depth];
      const struct regex_node *node = &p->nodes[n];
      if (!regex_node_is_epsilon(node)) {
        if (node->type == REGEX_END) {
          if (f->best_start == NO_POSITION || start < f->best_start ||
              (start == f->best_start && at > f->best_end)) {
            f->best_start = start;
            f->best_end = at;
          }
        } else {
          f->live[f->live_count].node = n;
          f->live[f->live_count++].start = start;
        }
        continue;
      }
      if (node->type == REGEX_ANCHOR && !regex_anchor_holds(f->s, node->value, at))
        continue;
      for (int k = 1; k >= 0; --k) {
        int32_t exit = node->exits[k];
        if (exit >= 0 && f->seen[exit] != at + 1) {
          f->seen[exit] = at + 1;
          f->stack[depth++] = exit;
        }
      }
    }
  }
}

/* Pass 1. Threads from a start later than the best match's are dropped:
 * they cannot be leftmost. */
static void find_match(struct forward *f, int whether_only) {
  const struct regex_subject *s = f->s;
  f->best_start = f->best_end = NO_POSITION;
  f->seed_count = 0;
  for (size_t at = s->begin;; ++at) {
    if (f->best_start == NO_POSITION) {
      f->seeds[f->seed_count].node = f->p->start;
      f->seeds[f->seed_count++].start = at;
    }
    if (!f->seed_count)
      return;
    close_over(f, at);
    f->seed_count = 0;
    if (at == s->end || (whether_only && f->best_start != NO_POSITION))
      return;
    for (size_t i = 0; i < f->live_count; ++i) {
      const struct thread *t = &f->live[i];
      const struct regex_node *node = &f->p->nodes[t->node];
      if (f->best_start != NO_POSITION && t->start > f->best_start)
        continue;
      if (regex_consumes(f->p, s, node, at)) {
        f->seeds[f->seed_count].node = node->exits[0];
        f->seeds[f->seed_count++].start = t->start;
      }
    }
  }
}

static int has_bit(const uint64_t *row, int32_t n) {
  return (row[n >> 6] >> (n & 63)) & 1;
}

static void set_bit(uint64_t *row, int32_t n) {
  row[n >> 6] |= (uint64_t)1 << (n & 63);
}

/* Pass 2: alive + (at - start) * words marks the nodes that reach the
 * match's end from position at. glibc copies the nodes after an anchor,
 * up to the next byte consumed, so a path that passes an anchor after its
 * last byte ends at a copy of END; glibc then keeps only the paths to the
 * END it met first, which is the original when some path reaches that one.
 * anchors_last: whether such paths count. */
static void mark_alive(const struct regex_program *p, const struct regex_subject *s, size_t start,
                       size_t end, uint64_t *alive, size_t words, int32_t *stack,
                       int anchors_last) {
  for (size_t at = end + 1; at-- > start;) {
    uint64_t *row = alive + (at - start) * words;
    memset(row, 0, words * sizeof *row);
    size_t depth = 0;
    if (at == end) {
      set_bit(row, p->end);
      stack[depth++] = p->end;
    } else {
      const uint64_t *after = row + words;
      for (int32_t n = 0; n < p->node_count; ++n) {
        const struct regex_node *node = &p->nodes[n];
        if (node->type <= REGEX_ANY && has_bit(after, node->exits[0]) &&
            regex_consumes(p, s, node, at)) {
          set_bit(row, n);
          stack[depth++] = n;
        }
      }
    }
    while (depth) {
      int32_t n = stack[--depth];
      for (int32_t i = p->epsilon_source_start[n]; i < p->epsilon_source_start[n + 1]; ++i) {
        int32_t source = p->epsilon_sources[i];
        const struct regex_node *node = &p->nodes[source];
        if (has_bit(row, source) ||
            (node->type == REGEX_ANCHOR &&
             ((at == end && !anchors_last) || !regex_anchor_holds(s, node->value, at))))
          continue;
        set_bit(row, source);
        stack[depth++] = source;
      }
    }
  }
}

/* glibc's update_regs. previous holds the groups as they were after the
 * last non-empty group match: an empty pass through an optional group, as
 * in (a?)*, after it matched once, puts every group back to that. */
static void record(const struct regex_node *node, size_t at, regmatch_t *groups,
                   regmatch_t *previous, size_t slots) {
  size_t slot = (size_t)node->value + 1;
  if (slot >= slots)
    return;
  if (node->type == REGEX_OPEN) {
    groups[slot].rm_so = (regoff_t)at;
    groups[slot].rm_eo = -1;
  } else if (groups[slot].rm_so < (regoff_t)at) {
    groups[slot].rm_eo = (regoff_t)at;
    memcpy(previous, groups, slots * sizeof *groups);
  } else if (node->optional && previous[slot].rm_so != -1) {
    memcpy(groups, previous, slots * sizeof *groups);
  } else {
    groups[slot].rm_eo = (regoff_t)at;
  }
}

/* Pass 3, glibc's set_regs without back-references. passed: a per-node
 * stamp, the epsilon nodes this position has gone through. */
static int walk(const struct regex_program *p, size_t start, size_t end, const uint64_t *alive,
                size_t words, size_t *passed, regmatch_t *groups, regmatch_t *previous,
                size_t slots) {
  int32_t n = p->start;
  size_t at = start, stamp = 1, steps = 0;
  memset(passed, 0, (size_t)p->node_count * sizeof *passed);
  memcpy(previous, groups, slots * sizeof *groups);
  for (;;) {
    const struct regex_node *node = &p->nodes[n];
    if (node->type == REGEX_OPEN || node->type == REGEX_CLOSE)
      record(node, at, groups, previous, slots);
    if (at == end && n == p->end)
      return 0;
    if (regex_node_is_epsilon(node)) {
      const uint64_t *row = alive + (at - start) * words;
      passed[n] = stamp;
      int32_t next = -1;
      for (int k = 0; k < 2; ++k) {
        int32_t exit = node->exits[k];
        if (exit < 0 || !has_bit(row, exit))
          continue;
        if (next < 0) {
          next = exit;
          continue;
        }
        /* Around an empty loop, as in (a*)*, the second way out. */
        if (passed[next] == stamp)
          next = exit;
        break;
      }
      /* Each node is passed at most twice per position; more is a bug. */
      if (next < 0 || ++steps > 2 * (size_t)p->node_count + 2)
        return REG_NOMATCH;
      n = next;
    } else {
      if (at == end || node->type == REGEX_END)
        return REG_NOMATCH;
      ++at;
      ++stamp;
      steps = 0;
      n = node->exits[0];
    }
  }
}

static int search_automaton(const struct regex_program *p, const struct regex_subject *s,
                            size_t slots, regmatch_t *pmatch) {
  size_t n = (size_t)p->node_count;
  struct forward f = {.p = p, .s = s};
  f.seeds = malloc((n + 1) * sizeof *f.seeds);
  f.live = malloc((n + 1) * sizeof *f.live);
  f.seen = calloc(n, sizeof *f.seen);
  f.stack = malloc(n * sizeof *f.stack);
  int result = REG_ESPACE;
  if (!f.seeds || !f.live || !f.seen || !f.stack)
    goto done;
  find_match(&f, slots == 0);
  result = REG_NOMATCH;
  if (f.best_start == NO_POSITION)
    goto done;
  result = 0;
  if (!slots)
    goto done;
  for (size_t i = 1; i < slots; ++i)
    pmatch[i].rm_so = pmatch[i].rm_eo = -1;
  pmatch[0].rm_so = (regoff_t)f.best_start;
  pmatch[0].rm_eo = (regoff_t)f.best_end;
  if (slots == 1)
    goto done;
  size_t words = (n + 63) / 64, span = f.best_end - f.best_start + 1;
  uint64_t *alive = NULL;
  regmatch_t *previous = malloc(slots * sizeof *previous);
  if (span <= SIZE_MAX / sizeof *alive / words)
    alive = malloc(span * words * sizeof *alive);
  if (!alive || !previous) {
    result = REG_ESPACE;
  } else {
    mark_alive(p, s, f.best_start, f.best_end, alive, words, f.stack, 0);
    if (!has_bit(alive, p->start))
      mark_alive(p, s, f.best_start, f.best_end, alive, words, f.stack, 1);
    result = walk(p, f.best_start, f.best_end, alive, words, f.seen, pmatch, previous, slots);
  }
  free(alive);
  free(previous);
done:
  free(f.seeds);
  free(f.live);
  free(f.seen);
  free(f.stack);
  return result;
}

static int search_backtracking(const struct regex_program *p, const struct regex_subject *s,
                               size_t slots, regmatch_t *pmatch) {
  long *groups = malloc((2 * p->group_count + 1) * sizeof *groups);
  if (!groups)
    return REG_ESPACE;
  size_t start, end;
  int result = __regex_backtrack(p, s, &start, &end, groups);
  if (result == 0 && slots) {
    pmatch[0].rm_so = (regoff_t)start;
    pmatch[0].rm_eo = (regoff_t)end;
    for (size_t i = 1; i < slots; ++i) {
      pmatch[i].rm_so = (regoff_t)groups[2 * (i - 1)];
      pmatch[i].rm_eo = (regoff_t)groups[2 * (i - 1) + 1];
      /* A group still open on the chosen path took no part. */
      if (pmatch[i].rm_eo < 0)
        pmatch[i].rm_so = -1;
    }
  }
  free(groups);
  return result;
}

int __regex_search(const struct regex_program *p, const struct regex_subject *s, size_t nmatch,
                   regmatch_t *pmatch) {
  size_t slots = nmatch < p->group_count + 1 ? nmatch : p->group_count + 1;
  int result = p->referenced_groups ? search_backtracking(p, s, slots, pmatch)
                                    : search_automaton(p, s, slots, pmatch);
  if (result)
    return result;
  for (size_t i = slots; i < nmatch; ++i)
    pmatch[i].rm_so = pmatch[i].rm_eo = -1;
  /* The inner group of ((x)) reports the outer one. */
  for (size_t i = 0; i + 1 < slots; ++i)
    if (p->group_map[i] != (int32_t)i)
      pmatch[i + 1] = pmatch[p->group_map[i] + 1];
  return 0;
}
