/* glibc's option scan, step for step, so that a program parses its command
 * line as on Linux: the same permutation of argv, the same answers to bad
 * input and the same messages on stderr. */
#include "getopt_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum ordering {
  /* Stop at the first non-option ('+', or POSIXLY_CORRECT). */
  REQUIRE_ORDER,
  /* Move non-options after the options (the default). */
  PERMUTE,
  /* Return each non-option as the argument of option 1 ('-'). */
  RETURN_IN_ORDER
};

/* The scan's state between calls. Plain globals: each VM has its own.
 * glibc keeps its own copies of optind, optarg and optopt beside the
 * globals and copies them in and out at each call; so do we, so that a
 * program writing optopt or optarg sees what it would see with glibc (the
 * copy of optopt starts at 0, though the global starts at '?'). */
static struct {
  int optind;
  int opterr;
  int optopt;
  char *optarg;
  /* Where the next short option is, in the current argv element. */
  char *next_char;
  enum ordering ordering;
  /* argv[first_nonopt, last_nonopt) holds the non-options skipped so far. */
  int first_nonopt;
  int last_nonopt;
  int initialized;
} state;

/* What one call was asked. */
struct request {
  int argc;
  char **argv;
  const char *optstring; /* without its '+' or '-' */
  const struct option *longopts;
  int *longindex;
  int long_only;
  int print_errors;
};

static void reverse(char **first, char **last) {
  while (first < --last) {
    char *swap = *first;
    *first++ = *last;
    *last = swap;
  }
}

/* Moves the skipped non-options, argv[first_nonopt, last_nonopt), after the
 * options that followed them, argv[last_nonopt, optind): a rotation, which
 * leaves argv as glibc's exchange leaves it. */
static void exchange(char **argv) {
  reverse(argv + state.first_nonopt, argv + state.last_nonopt);
  reverse(argv + state.last_nonopt, argv + state.optind);
  reverse(argv + state.first_nonopt, argv + state.optind);
  state.first_nonopt += state.optind - state.last_nonopt;
  state.last_nonopt = state.optind;
}

static const char *initialize(const char *optstring) {
  if (state.optind == 0)
    state.optind = 1;
  state.first_nonopt = state.last_nonopt = state.optind;
  state.next_char = NULL;
  if (optstring[0] == '-') {
    state.ordering = RETURN_IN_ORDER;
    ++optstring;
  } else if (optstring[0] == '+') {
    state.ordering = REQUIRE_ORDER;
    ++optstring;
  } else {
    state.ordering = getenv("POSIXLY_CORRECT") ? REQUIRE_ORDER : PERMUTE;
  }
  state.initialized = 1;
  return optstring;
}

/* Whether two long options that a prefix names do different things, which
 * makes the prefix ambiguous. */
static int differ(const struct request *r, const struct option *a, const struct option *b) {
  return r->long_only || a->has_arg != b->has_arg || a->flag != b->flag || a->val != b->val;
}

/* Prints glibc's list of what an ambiguous prefix could mean: the first
 * option it names and every later one that does something else. */
static void report_ambiguous(const struct request *r, const char *prefix, size_t length,
                             int first) {
  const struct option *longopts = r->longopts;
  fprintf(stderr, "%s: option '%s%s' is ambiguous; possibilities:", r->argv[0], prefix,
          state.next_char);
  for (int i = first; longopts[i].name; ++i)
    if (i == first || (!strncmp(longopts[i].name, state.next_char, length) &&
                       differ(r, &longopts[first], &longopts[i])))
      fprintf(stderr, " '%s%s'", prefix, longopts[i].name);
  fprintf(stderr, "\n");
}

/* The long option at next_char (after prefix: "--", "-" or "-W "). Returns
 * -1, only for getopt_long_only, when it is no long option but may be short
 * ones. */
static int long_option(const struct request *r, const char *prefix) {
  char *name_end = state.next_char;
  while (*name_end && *name_end != '=')
    ++name_end;
  size_t length = (size_t)(name_end - state.next_char);

  const struct option *found = NULL;
  int found_index = -1;
  for (int i = 0; r->longopts[i].name; ++i)
    if (!strncmp(r->longopts[i].name, state.next_char, length) &&
        strlen(r->longopts[i].name) == length) {
      found = &r->longopts[i];
      found_index = i;
      break;
    }
  if (!found) {
    /* A prefix: it must name one option, or several that do the same. */
    int ambiguous = 0;
    for (int i = 0; r->longopts[i].name; ++i) {
      if (strncmp(r->longopts[i].name, state.next_char, length))
        continue;
      if (!found) {
        found = &r->longopts[i];
        found_index = i;
      } else if (differ(r, found, &r->longopts[i])) {
        ambiguous = 1;
      }
    }
    if (ambiguous) {
      if (r->print_errors)
        report_ambiguous(r, prefix, length, found_index);
      state.next_char += strlen(state.next_char);
      ++state.optind;
      state.optopt = 0;
      return '?';
    }
  }
  if (!found) {
    if (!r->long_only || r->argv[state.optind][1] == '-' ||
        !strchr(r->optstring, *state.next_char)) {
      if (r->print_errors)
        fprintf(stderr, "%s: unrecognized option '%s%s'\n", r->argv[0], prefix, state.next_char);
      state.next_char = NULL;
      ++state.optind;
      state.optopt = 0;
      return '?';
    }
    return -1;
  }

  ++state.optind;
  state.next_char = NULL;
  if (*name_end) {
    if (!found->has_arg) {
      if (r->print_errors)
        fprintf(stderr, "%s: option '%s%s' doesn't allow an argument\n", r->argv[0], prefix,
                found->name);
      state.optopt = found->val;
      return '?';
    }
    state.optarg = name_end + 1;
  } else if (found->has_arg == required_argument) {
    if (state.optind >= r->argc) {
      if (r->print_errors)
        fprintf(stderr, "%s: option '%s%s' requires an argument\n", r->argv[0], prefix,
                found->name);
      state.optopt = found->val;
      return r->optstring[0] == ':' ? ':' : '?';
    }
    state.optarg = r->argv[state.optind++];
  }
  if (r->longindex)
    *r->longindex = found_index;
  if (found->flag) {
    *found->flag = found->val;
    return 0;
  }
  return found->val;
}

static int is_nonoption(const char *arg) {
  return arg[0] != '-' || arg[1] == '\0';
}

/* Moves to the next argv element that holds options. Returns 0 there, or
 * what the call returns when it ends here (-1, or 1 for a non-option in
 * RETURN_IN_ORDER). */
static int advance(const struct request *r, int *result) {
  char **argv = r->argv;
  if (state.last_nonopt > state.optind)
    state.last_nonopt = state.optind;
  if (state.first_nonopt > state.optind)
    state.first_nonopt = state.optind;

  if (state.ordering == PERMUTE) {
    if (state.first_nonopt != state.last_nonopt && state.last_nonopt != state.optind)
      exchange(argv);
    else if (state.last_nonopt != state.optind)
      state.first_nonopt = state.optind;
    while (state.optind < r->argc && is_nonoption(argv[state.optind]))
      ++state.optind;
    state.last_nonopt = state.optind;
  }

  /* "--" ends the options; what follows is non-options. */
  if (state.optind != r->argc && !strcmp(argv[state.optind], "--")) {
    ++state.optind;
    if (state.first_nonopt != state.last_nonopt && state.last_nonopt != state.optind)
      exchange(argv);
    else if (state.first_nonopt == state.last_nonopt)
      state.first_nonopt = state.optind;
    state.last_nonopt = r->argc;
    state.optind = r->argc;
  }

  if (state.optind == r->argc) {
    /* Point at the non-options, now after the options. */
    if (state.first_nonopt != state.last_nonopt)
      state.optind = state.first_nonopt;
    *result = -1;
    return 1;
  }

  if (is_nonoption(argv[state.optind])) {
    if (state.ordering == REQUIRE_ORDER) {
      *result = -1;
      return 1;
    }
    state.optarg = argv[state.optind++];
    *result = 1;
    return 1;
  }

  if (r->longopts) {
    if (argv[state.optind][1] == '-') {
      state.next_char = argv[state.optind] + 2;
      *result = long_option(r, "--");
      return 1;
    }
    /* getopt_long_only: "-xyz" is a long option unless it is a lone short
     * option; one that names no long option may still be short ones. */
    if (r->long_only && (argv[state.optind][2] || !strchr(r->optstring, argv[state.optind][1]))) {
      state.next_char = argv[state.optind] + 1;
      int code = long_option(r, "-");
      if (code != -1) {
        *result = code;
        return 1;
      }
    }
  }
  state.next_char = argv[state.optind] + 1;
  return 0;
}

static int short_option(const struct request *r) {
  char c = *state.next_char++;
  const char *spec = strchr(r->optstring, c);
  if (*state.next_char == '\0')
    ++state.optind;

  if (!spec || c == ':' || c == ';') {
    if (r->print_errors)
      fprintf(stderr, "%s: invalid option -- '%c'\n", r->argv[0], c);
    state.optopt = c;
    return '?';
  }

  /* POSIX's "-W foo" means "--foo" when optstring has "W;". */
  if (spec[0] == 'W' && spec[1] == ';' && r->longopts) {
    if (*state.next_char != '\0') {
      state.optarg = state.next_char;
    } else if (state.optind == r->argc) {
      if (r->print_errors)
        fprintf(stderr, "%s: option requires an argument -- '%c'\n", r->argv[0], c);
      state.optopt = c;
      return r->optstring[0] == ':' ? ':' : '?';
    } else {
      state.optarg = r->argv[state.optind];
    }
    state.next_char = state.optarg;
    state.optarg = NULL;
    struct request as_long = *r;
    as_long.long_only = 0;
    return long_option(&as_long, "-W ");
  }

  if (spec[1] == ':') {
    if (spec[2] == ':') {
      /* An optional argument: only in the same argv element. */
      if (*state.next_char != '\0') {
        state.optarg = state.next_char;
        ++state.optind;
      } else {
        state.optarg = NULL;
      }
    } else if (*state.next_char != '\0') {
      state.optarg = state.next_char;
      ++state.optind;
    } else if (state.optind == r->argc) {
      if (r->print_errors)
        fprintf(stderr, "%s: option requires an argument -- '%c'\n", r->argv[0], c);
      state.optopt = c;
      c = r->optstring[0] == ':' ? ':' : '?';
    } else {
      state.optarg = r->argv[state.optind++];
    }
    state.next_char = NULL;
  }
  return c;
}

static int scan(struct request *r) {
  if (r->argc < 1)
    return -1;
  state.optarg = NULL;
  if (state.optind == 0 || !state.initialized)
    r->optstring = initialize(r->optstring);
  else if (r->optstring[0] == '-' || r->optstring[0] == '+')
    ++r->optstring;
  r->print_errors = state.opterr && r->optstring[0] != ':';

  if (!state.next_char || *state.next_char == '\0') {
    int result;
    if (advance(r, &result))
      return result;
  }
  return short_option(r);
}

int __getopt_scan(int argc, char *const argv[], const char *optstring,
                  const struct option *longopts, int *longindex, int long_only) {
  /* argv's elements are reordered, as in glibc, despite the const. */
  struct request r = {argc, (char **)argv, optstring, longopts, longindex, long_only, 0};
  state.optind = optind;
  state.opterr = opterr;
  int result = scan(&r);
  optind = state.optind;
  optarg = state.optarg;
  optopt = state.optopt;
  return result;
}
