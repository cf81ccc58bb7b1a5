/* glibc's fnmatch in the C locale, with glibc's answers to malformed
 * patterns, but without its recursion: a VM's thread has a 16 KiB stack.
 * glibc commits to the first match of each '*' once the pattern after it
 * reaches the next '*', so only the last '*' is ever retried: one retry
 * point is the whole backtracking. */
#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

/* glibc's bound on a class name in [[:name:]]. */
#define CLASS_NAME_MAX 256

enum bracket_result { BRACKET_NO, BRACKET_YES, BRACKET_LITERAL };

static unsigned char fold(unsigned char c, int flags) {
  return (flags & FNM_CASEFOLD) ? (unsigned char)tolower(c) : c;
}

/* [[:name:]]: the C locale's classes, of the byte as it is (not folded). */
static int in_class(const char *name, unsigned char c, int *valid) {
  static const struct {
    const char *name;
    int (*test)(int);
  } classes[] = {{"alnum", isalnum}, {"alpha", isalpha}, {"blank", isblank}, {"cntrl", iscntrl},
                 {"digit", isdigit}, {"graph", isgraph}, {"lower", islower}, {"print", isprint},
                 {"punct", ispunct}, {"space", isspace}, {"upper", isupper}, {"xdigit", isxdigit}};
  for (size_t i = 0; i < sizeof classes / sizeof classes[0]; ++i)
    if (!strcmp(name, classes[i].name)) {
      *valid = 1;
      return c < 0x80 && classes[i].test(c);
    }
  *valid = 0;
  return 0;
}

/* [.c.] at p (its '['): the one byte it names, p moved past it; 0 when it
 * is unterminated or names more than a byte (glibc: no match). */
static int collating_symbol(const unsigned char **p, unsigned char *out) {
  const unsigned char *start = *p, *at = start + 1;
  size_t length = 0;
  for (;;) {
    unsigned char c = *++at;
    if (c == '.' && at[1] == ']')
      break;
    if (c == '\0')
      return 0;
    ++length;
  }
  *p = at + 2;
  *out = start[2];
  return length == 1;
}

/* Past the rest of a bracket expression that matched: NO when it has no
 * ']' (then the whole fails, as in glibc). */
static int skip_rest(const unsigned char **pattern, int flags) {
  const unsigned char *p = *pattern;
  unsigned char c;
  while ((c = *p++) != ']') {
    if (c == '\0')
      return 0;
    if (!(flags & FNM_NOESCAPE) && c == '\\') {
      if (*p == '\0')
        return 0;
      ++p;
    } else if (c == '[' && *p == ':') {
      const unsigned char *start = p;
      int length = 0;
      for (;;) {
        c = *++p;
        if (++length == CLASS_NAME_MAX)
          return 0;
        if (*p == ':' && p[1] == ']')
          break;
        if (c < 'a' || c >= 'z') {
          p = start - 2; /* not a class: go on after the '[' */
          break;
        }
      }
      p += 2;
    } else if (c == '[' && *p == '=') {
      c = *++p;
      if (c == '\0')
        return 0;
      c = *++p;
      if (c != '=' || p[1] != ']')
        return 0;
      p += 2;
    } else if (c == '[' && *p == '.') {
      for (;;) {
        c = *++p;
        if (c == '\0')
          return 0;
        if (c == '.' && p[1] == ']')
          break;
      }
      p += 2;
    }
  }
  *pattern = p;
  return 1;
}

/* The bracket expression after the '[' at *pattern, against the byte at
 * n; on YES or NO (when NO still lets the pattern go on, with '!') the
 * pattern moves past it. LITERAL: there is no ']', and the '[' is an
 * ordinary character. */
static enum bracket_result bracket(const unsigned char **pattern, const unsigned char *n,
                                   int no_leading_period, int flags) {
  const unsigned char *p = *pattern;
  if (*n == '\0' || (*n == '.' && no_leading_period) || (*n == '/' && (flags & FNM_PATHNAME)))
    return BRACKET_NO;
  /* '^' negates too, unless POSIXLY_CORRECT is set. */
  int negate = *p == '!' || (*p == '^' && !getenv("POSIXLY_CORRECT"));
  if (negate)
    ++p;
  unsigned char folded = fold(*n, flags), c = *p++, low;
  for (;;) {
    int is_range;
    if (!(flags & FNM_NOESCAPE) && c == '\\') {
      if (*p == '\0')
        return BRACKET_NO;
      c = fold(*p++, flags);
      goto ordinary;
    } else if (c == '[' && *p == ':') {
      char name[CLASS_NAME_MAX + 1];
      size_t length = 0;
      const unsigned char *start = p;
      for (;;) {
        if (length == CLASS_NAME_MAX)
          return BRACKET_NO;
        c = *++p;
        if (c == ':' && p[1] == ']') {
          p += 2;
          break;
        }
        if (c < 'a' || c >= 'z') { /* not a class: '[' is a member */
          p = start;
          c = '[';
          goto ordinary;
        }
        name[length++] = (char)c;
      }
      name[length] = '\0';
      int valid, member = in_class(name, *n, &valid);
      if (!valid)
        return BRACKET_NO;
      if (member)
        goto matched;
      c = *p++;
    } else if (c == '[' && *p == '=') {
      /* [=c=]: the C locale's equivalence classes are single bytes. */
      const unsigned char *start = p;
      unsigned char equivalent = *++p;
      if (equivalent == '\0' || p[1] != '=' || p[2] != ']') {
        p = start;
        c = '[';
        goto ordinary;
      }
      p += 3;
      if (*n == equivalent)
        goto matched;
      c = *p++;
    } else if (c == '\0') {
      return BRACKET_LITERAL;
    } else {
      if (c == '[' && *p == '.') {
        const unsigned char *symbol = p - 1;
        if (!collating_symbol(&symbol, &low))
          return BRACKET_NO;
        p = symbol;
        is_range = *p == '-' && p[1] != '\0';
        if (!is_range && *n == low)
          goto matched;
        c = *p++;
      } else {
        c = fold(c, flags);
      ordinary:
        is_range = *p == '-' && p[1] != '\0' && p[1] != ']';
        if (!is_range && c == folded)
          goto matched;
        low = c;
        c = *p++;
      }
      if (c == '-' && *p != ']') {
        unsigned char high = *p++;
        if (high == '[' && *p == '.') {
          const unsigned char *symbol = p - 1;
          if (!collating_symbol(&symbol, &high))
            return BRACKET_NO;
          p = symbol;
        } else {
          if (!(flags & FNM_NOESCAPE) && high == '\\')
            high = *p++;
          if (high == '\0')
            return BRACKET_NO;
          high = fold(high, flags);
        }
        /* The C locale collates in byte order. */
        if (low <= folded && folded <= high)
          goto matched;
        c = *p++;
      }
    }
    if (c == ']')
      break;
  }
  *pattern = p;
  return negate ? BRACKET_YES : BRACKET_NO;

matched:
  if (!skip_rest(&p, flags))
    return BRACKET_NO;
  *pattern = p;
  return negate ? BRACKET_NO : BRACKET_YES;
}

int fnmatch(const char *pattern_text, const char *string, int flags) {
  const unsigned char *p = (const unsigned char *)pattern_text;
  const unsigned char *n = (const unsigned char *)string;
  const unsigned char *end = n + strlen(string);
  int pathname = flags & FNM_PATHNAME;
  /* A '/' in both starts a new leading period with FNM_PATHNAME. */
  int period_after_slash = pathname && (flags & FNM_PERIOD);
  int no_leading_period = (flags & FNM_PERIOD) != 0;

  /* The last '*': where the pattern after it starts, the next place in the
   * string to try it at, the end of those places, and what the first place
   * tried had. */
  const unsigned char *retry_pattern = NULL, *retry_next = NULL, *retry_end = NULL;
  const unsigned char *retry_first = NULL;
  int retry_bracket = 0, retry_no_leading_period = 0;
  unsigned char retry_byte = 0;

  for (;;) {
    unsigned char c = *p++;
    if (c == '\0') {
      if (n == end || ((flags & FNM_LEADING_DIR) && *n == '/'))
        return 0;
      goto mismatch;
    }
    c = fold(c, flags);
    int next_no_leading_period = 0;
    switch (c) {
    case '?':
      if (n == end || (*n == '/' && pathname) || (*n == '.' && no_leading_period))
        goto mismatch;
      break;
    case '\\':
      if (!(flags & FNM_NOESCAPE)) {
        c = *p++;
        if (c == '\0')
          goto mismatch;
        c = fold(c, flags);
      }
      if (n == end || fold(*n, flags) != c)
        goto mismatch;
      break;
    case '*': {
      if (n != end && *n == '.' && no_leading_period)
        return FNM_NOMATCH;
      /* Each '?' among the stars takes a byte now. */
      for (c = *p++; c == '?' || c == '*'; c = *p++)
        if (c == '?') {
          if (n == end || (*n == '/' && pathname))
            return FNM_NOMATCH;
          ++n;
        }
      if (c == '\0') {
        if (!pathname || (flags & FNM_LEADING_DIR))
          return 0;
        return memchr(n, '/', (size_t)(end - n)) ? FNM_NOMATCH : 0;
      }
      const unsigned char *limit = end;
      if (pathname) {
        const unsigned char *slash = memchr(n, '/', (size_t)(end - n));
        if (slash)
          limit = slash;
      }
      if (c == '/' && pathname) {
        /* The star ends at the next '/': no choice to retry. */
        if (limit == end)
          return FNM_NOMATCH;
        n = limit + 1;
        no_leading_period = (flags & FNM_PERIOD) != 0;
        retry_pattern = NULL;
        continue;
      }
      retry_pattern = p - 1;
      retry_bracket = c == '[';
      retry_byte = c == '\\' && !(flags & FNM_NOESCAPE) ? *p : c;
      retry_byte = fold(retry_byte, flags);
      retry_first = retry_next = n;
      retry_end = limit;
      retry_no_leading_period = no_leading_period;
      goto retry;
    }
    case '[': {
      const unsigned char *after = p;
      enum bracket_result result = bracket(&after, n, no_leading_period, flags);
      if (result == BRACKET_NO)
        goto mismatch;
      if (result == BRACKET_LITERAL) {
        if (n == end || fold(*n, flags) != '[')
          goto mismatch;
      } else {
        p = after;
      }
      break;
    }
    case '/':
      if (period_after_slash) {
        if (n == end || *n != '/')
          goto mismatch;
        next_no_leading_period = 1;
        break;
      }
      /* fall through */
    default:
      if (n == end || c != fold(*n, flags))
        goto mismatch;
      break;
    }
    no_leading_period = next_no_leading_period;
    ++n;
    continue;

  mismatch:
    if (!retry_pattern)
      return FNM_NOMATCH;
  retry:
    /* The next place the pattern after the last '*' may start at. */
    while (retry_next < retry_end && !retry_bracket && fold(*retry_next, flags) != retry_byte)
      ++retry_next;
    if (retry_next >= retry_end)
      return FNM_NOMATCH;
    n = retry_next++;
    p = retry_pattern;
    no_leading_period = n == retry_first ? retry_no_leading_period : 0;
  }
}
