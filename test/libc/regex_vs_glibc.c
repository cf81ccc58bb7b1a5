/* libc_gpu's regcomp, regexec, regerror and regfree against glibc's: a table
 * of patterns over every feature (BRE and ERE, brackets and classes,
 * anchors, repetition, groups, alternation, back-references, GNU escapes,
 * REG_ICASE, REG_NEWLINE, REG_NOSUB, REG_NOTBOL, REG_NOTEOL, REG_STARTEND)
 * and every error code, then generated patterns and subjects: structured
 * ones for matches and submatches, and random byte soup for the parser's
 * error answers. Each case compares regcomp's code, re_nsub, regexec's code
 * and every pmatch offset. libc_gpu's regex_t is not glibc's, so ours is
 * libc_gpu_regex_t (libc_gpu_host.h). */
#include <regex.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "libc_gpu_host.h"
#include "vs_glibc.h"

#define SLOTS 12

/* Printable: control bytes escaped. */
static void show(char *out, size_t size, const char *text, size_t length) {
  size_t used = 0;
  for (size_t i = 0; i < length && used + 5 < size; ++i) {
    unsigned char c = (unsigned char)text[i];
    if (c == '\n')
      used += (size_t)snprintf(out + used, size - used, "\\n");
    else if (c < 0x20 || c >= 0x7f)
      used += (size_t)snprintf(out + used, size - used, "\\x%02x", c);
    else
      out[used++] = (char)c;
  }
  out[used] = '\0';
}

static const char *flag_names(int cflags, int eflags) {
  static char out[64];
  snprintf(out, sizeof out, "%s%s%s%s%s%s%s", cflags & REG_EXTENDED ? "E" : "B",
           cflags & REG_ICASE ? "I" : "", cflags & REG_NEWLINE ? "N" : "",
           cflags & REG_NOSUB ? "S" : "", eflags & REG_NOTBOL ? " notbol" : "",
           eflags & REG_NOTEOL ? " noteol" : "", eflags & REG_STARTEND ? " startend" : "");
  return out;
}

static void describe(char *out, size_t size, const char *pattern, int cflags, const char *subject,
                     size_t subject_length, int eflags, const regmatch_t *range) {
  char p[160], s[160];
  show(p, sizeof p, pattern, strlen(pattern));
  if (subject) {
    show(s, sizeof s, subject, subject_length);
    if (eflags & REG_STARTEND)
      snprintf(out, size, "[%s] /%s/ \"%s\" [%d,%d)", flag_names(cflags, eflags), p, s,
               range->rm_so, range->rm_eo);
    else
      snprintf(out, size, "[%s] /%s/ \"%s\"", flag_names(cflags, eflags), p, s);
  } else {
    snprintf(out, size, "[%s] /%s/", flag_names(cflags, eflags), p);
  }
}

static void show_result(char *out, size_t size, int code, size_t slots, const int *offsets) {
  size_t used = (size_t)snprintf(out, size, "%d", code);
  if (code == 0)
    for (size_t i = 0; i < slots && used + 24 < size; ++i)
      used +=
          (size_t)snprintf(out + used, size - used, " (%d,%d)", offsets[2 * i], offsets[2 * i + 1]);
}

static long whole_match_cases, submatch_cases;

/* One subject against both compiled patterns. whole_only: compare the
 * whole match alone (the generated patterns whose submatches glibc does
 * not report as POSIX says, see below). */
static void compare_exec(const char *pattern, int cflags, regex_t *theirs, libc_gpu_regex_t *ours,
                         const char *subject, size_t subject_length, int eflags, regmatch_t range,
                         size_t nmatch, int whole_only) {
  regmatch_t their_match[SLOTS];
  libc_gpu_regmatch_t our_match[SLOTS];
  for (int i = 0; i < SLOTS; ++i) {
    their_match[i].rm_so = their_match[i].rm_eo = -7;
    our_match[i].rm_so = our_match[i].rm_eo = -7;
  }
  their_match[0] = range;
  our_match[0].rm_so = range.rm_so;
  our_match[0].rm_eo = range.rm_eo;
  int their_code = regexec(theirs, subject, nmatch, their_match, eflags);
  int our_code = libc_gpu_regexec(ours, subject, nmatch, our_match, eflags);
  int their_offsets[2 * SLOTS], our_offsets[2 * SLOTS];
  for (int i = 0; i < SLOTS; ++i) {
    their_offsets[2 * i] = their_match[i].rm_so;
    their_offsets[2 * i + 1] = their_match[i].rm_eo;
    our_offsets[2 * i] = our_match[i].rm_so;
    our_offsets[2 * i + 1] = our_match[i].rm_eo;
  }
  size_t compared = whole_only ? (nmatch ? 1 : 0) : SLOTS;
  int ok = their_code == our_code &&
           !memcmp(their_offsets, our_offsets, 2 * compared * sizeof their_offsets[0]);
  char input[400], got[300], expected[300];
  describe(input, sizeof input, pattern, cflags, subject, subject_length, eflags, &range);
  size_t shown = nmatch < SLOTS ? nmatch : SLOTS;
  if (whole_only && shown > 1)
    shown = 1;
  show_result(got, sizeof got, our_code, shown, our_offsets);
  show_result(expected, sizeof expected, their_code, shown, their_offsets);
  check_case(ok, whole_only ? "regexec (whole match)" : "regexec", input, got, expected);
  if (whole_only)
    ++whole_match_cases;
  else
    ++submatch_cases;
}

/* Compiles with both; on success runs each subject under each eflags. */
static void compare_pattern(const char *pattern, int cflags, const char *const *subjects,
                            size_t count, int whole_only) {
  regex_t theirs;
  libc_gpu_regex_t ours;
  int their_code = regcomp(&theirs, pattern, cflags);
  int our_code = libc_gpu_regcomp(&ours, pattern, cflags);
  char input[400], got[64], expected[64];
  describe(input, sizeof input, pattern, cflags, NULL, 0, 0, NULL);
  snprintf(got, sizeof got, "%d nsub %zu", our_code, our_code ? (size_t)0 : ours.re_nsub);
  snprintf(expected, sizeof expected, "%d nsub %zu", their_code,
           their_code ? (size_t)0 : theirs.re_nsub);
  check_case(!strcmp(got, expected), "regcomp", input, got, expected);
  if (their_code == 0 && our_code == 0) {
    static const int eflag_sets[] = {0, REG_NOTBOL, REG_NOTEOL, REG_NOTBOL | REG_NOTEOL};
    for (size_t i = 0; i < count; ++i) {
      size_t length = strlen(subjects[i]);
      regmatch_t whole = {0, (int)length};
      for (size_t e = 0; e < sizeof eflag_sets / sizeof eflag_sets[0]; ++e)
        compare_exec(pattern, cflags, &theirs, &ours, subjects[i], length, eflag_sets[e], whole,
                     SLOTS, whole_only);
      /* nmatch 0 and 1, and a window of the subject. */
      compare_exec(pattern, cflags, &theirs, &ours, subjects[i], length, 0, whole, 0, whole_only);
      compare_exec(pattern, cflags, &theirs, &ours, subjects[i], length, 0, whole, 1, whole_only);
      if (length >= 2) {
        regmatch_t window = {1, (int)length - 1};
        compare_exec(pattern, cflags, &theirs, &ours, subjects[i], length, REG_STARTEND, window,
                     SLOTS, whole_only);
        window.rm_so = 0;
        compare_exec(pattern, cflags, &theirs, &ours, subjects[i], length,
                     REG_STARTEND | REG_NOTBOL, window, SLOTS, whole_only);
      }
    }
  }
  if (their_code == 0)
    regfree(&theirs);
  if (our_code == 0)
    libc_gpu_regfree(&ours);
}

/* Each pattern under its flags, and again with REG_NOSUB and REG_ICASE
 * added, over its subjects. */
struct table_entry {
  int cflags;
  const char *pattern;
  const char *subjects[7];
};

#define E REG_EXTENDED
#define B 0

static const struct table_entry table[] = {
    /* Literals and '.' */
    {B, "abc", {"abc", "xabcx", "ab", "aabbcc", ""}},
    {E, "abc", {"abc", "xabcx", "ab", "ABC"}},
    {B, "a.c", {"abc", "a\nc", "ac", "axxc"}},
    {E, "a.c", {"abc", "a\nc", "ac"}},
    {REG_NEWLINE, "a.c", {"abc", "a\nc"}},
    {E, "", {"", "abc"}},
    {B, "", {"", "abc"}},
    {E, ".", {"", "x", "\n"}},
    {E, "\\.", {"a.b", "ab"}},
    {B, "\\.", {"a.b", "ab"}},
    {E, "a\\nb", {"anb", "a\nb"}},
    {E, "\xe9t\xe9", {"\xe9t\xe9", "ete"}},
    {E, "a\tb", {"a\tb"}},
    /* Brackets */
    {E, "[abc]", {"xbx", "xyz", ""}},
    {E, "[^abc]", {"abc", "abd", "\n"}},
    {REG_EXTENDED | REG_NEWLINE, "[^abc]", {"abc\n", "abcd"}},
    {E, "[a-c]+", {"xabcabcdx", "ABC"}},
    {B, "[a-c]*", {"xabcabcdx", "abcb"}},
    {E, "[]a]", {"]", "a", "b"}},
    {E, "[^]a]", {"]", "a", "b"}},
    {E, "[a-]", {"-", "a", "b"}},
    {E, "[-a]", {"-", "a", "b"}},
    {E, "[!--]", {"!", ",", "-", "."}},
    {E, "[--z]", {"-", "a", "~"}},
    {E, "[a\\]", {"\\", "a", "]"}},
    {E, "[[]", {"[", "a"}},
    {E, "[[a]", {"[", "a", "b"}},
    {E, "[a^]", {"^", "a", "b"}},
    {E, "[\\n]", {"n", "\\", "\n"}},
    {E, "[.]", {".", "a"}},
    {E, "[*+?{}()|$]", {"*", "}", "|", "a"}},
    {E, "[[:alpha:]]+", {"ab12cd", "123", "_"}},
    {E, "[[:digit:]]+", {"ab12cd", "abc"}},
    {E, "[[:alnum:]]+", {"--ab12--", "--"}},
    {E, "[[:upper:]]+", {"abCDef", "abc"}},
    {E, "[[:lower:]]+", {"ABcdEF", "ABC"}},
    {E, "[[:space:]]+", {"a \t\n\v\f\rb", "ab"}},
    {E, "[[:blank:]]+", {"a \t\nb", "ab"}},
    {E, "[[:punct:]]+", {"ab!?.,cd", "abc"}},
    {E, "[[:xdigit:]]+", {"xyz0aFgG", "xyz"}},
    {E,
     "[[:cntrl:]]+",
     {"a\x01\x1f\x7f"
      "b",
      "ab"}},
    {E, "[[:print:]]+", {"\x01 ab~\x7f", "\x01"}},
    {E, "[[:graph:]]+", {"\x01 ab~\x7f", " "}},
    {E, "[^[:alpha:]]+", {"ab12cd", "abc"}},
    {E, "[[:alpha:][:digit:]]+", {"--a1b2--"}},
    {E, "[a[:digit:]b]+", {"xa1b2x"}},
    {E, "[[.a.]]", {"a", "b"}},
    {E, "[[.-.]a]", {"-", "a"}},
    {E, "[[.].]]", {"]", "a"}},
    {E, "[[=a=]]", {"a", "b"}},
    {E, "[[.a.]-c]+", {"abcd"}},
    {E, "[a-[.c.]]+", {"abcd"}},
    {E, "[[:alpha:]", {"a"}},
    {E, "[[:alpha:]-]", {"-", "a"}},
    {B, "[[:alpha:]-z]", {"a"}},
    {E, "[a-b-c]", {"a"}},
    {E, "[a-a]", {"a", "b"}},
    {E, "[%--]", {"%", "+", "-"}},
    {E, "[\x80-\xff]", {"\xe9", "a"}},
    {E, "[^a]", {"\xe9", "a"}},
    /* Anchors */
    {E, "^abc", {"abc", "xabc", "x\nabc"}},
    {E, "abc$", {"abc", "abcx", "abc\nx"}},
    {E, "^$", {"", "a", "\n"}},
    {B, "^$", {"", "a"}},
    {REG_EXTENDED | REG_NEWLINE, "^abc$", {"x\nabc\ny", "abc", "xabc"}},
    {REG_NEWLINE, "^abc$", {"x\nabc\ny", "abc"}},
    {REG_EXTENDED | REG_NEWLINE, "^", {"", "\n", "a\nb"}},
    {REG_EXTENDED | REG_NEWLINE, "$", {"", "\n", "a\nb"}},
    {REG_EXTENDED | REG_NEWLINE, "^b", {"a\nb"}},
    {REG_EXTENDED | REG_NEWLINE, "a$", {"a\nb"}},
    {REG_EXTENDED | REG_NEWLINE, "a$\nb", {"a\nb"}},
    {E, "a^b", {"a^b", "ab"}},
    {B, "a^b", {"a^b", "ab"}},
    {E, "a$b", {"a$b", "ab"}},
    {B, "a$b", {"a$b", "ab"}},
    {B, "^*", {"*", "a"}},
    {B, "^*a", {"*a", "a"}},
    {B, "a$*", {"a$$", "a"}},
    {B, "\\(^a\\)", {"a", "ba"}},
    {B, "x\\(^a\\)", {"xa"}},
    {B, "\\(a$\\)", {"a", "ab"}},
    {B, "a\\|^b", {"b", "cb"}},
    {B, "a$\\|b", {"a", "ab", "b"}},
    {E, "(^a|b)", {"a", "ca", "cb"}},
    {E, "(a$|b)c", {"ac", "bc"}},
    {E, "^*", {"a"}},
    {E, "$*", {"a"}},
    {E, "x^*", {"x"}},
    {E, "\\`a", {"a", "ba", "b\na"}},
    {E, "a\\'", {"a", "ab", "a\nb"}},
    {REG_EXTENDED | REG_NEWLINE, "\\`a", {"b\na"}},
    {REG_EXTENDED | REG_NEWLINE, "a\\'", {"a\nb"}},
    /* GNU word escapes */
    {E, "\\bfoo\\b", {"foo", "a foo b", "foobar", "barfoo", "_foo"}},
    {E, "\\Boo\\B", {"foo", "foox", "oo"}},
    {E, "\\<foo", {"foo", "xfoo", " foo"}},
    {E, "foo\\>", {"foo", "foox", "foo!"}},
    {B, "\\<\\w*\\>", {"  hello world", "", "!!"}},
    {E, "\\w+", {"!!ab_12!!", "!!"}},
    {E, "\\W+", {"ab!? \ncd", "abc"}},
    {REG_EXTENDED | REG_NEWLINE, "\\W+", {"ab\ncd"}},
    {E, "\\s+", {"ab \t\ncd", "abc"}},
    {E, "\\S+", {"  ab  ", "   "}},
    {E, "\\b", {"", "a", " a ", "  "}},
    {E, "\\B", {"", "a", "ab", "  "}},
    {E, "\\b*", {"a"}},
    {B, "\\b*", {"a", "*"}},
    {E, "a\\b\\b", {"a "}},
    /* Not "aab": glibc answers no match when asked for groups and (0,3) when
     * not, past the \\< that fails at 1; libc_gpu answers (0,1). */
    {E, "(\\<a|b)+", {"ab", "cab"}},
    /* Repetition */
    {E, "a*", {"", "aaa", "baaa"}},
    {E, "a+", {"", "aaa", "baaa"}},
    {E, "a?", {"", "aaa", "baaa"}},
    {E, "ba*", {"b", "baaa", "abaa"}},
    {E, "ba+", {"b", "baaa", "abaa"}},
    {E, "ba?", {"b", "baaa"}},
    {B, "ba\\+", {"b", "baaa", "ba+"}},
    {B, "ba\\?", {"b", "baaa", "ba?"}},
    {B, "ba+", {"ba+", "baa"}},
    {B, "ba?", {"ba?", "ba"}},
    {B, "\\+a", {"+a", "a"}},
    {B, "\\?a", {"?a", "a"}},
    {B, "a\\+\\?", {"aa", ""}},
    {B, "a*\\?", {"aa"}},
    {B, "a*\\+", {"aa"}},
    {E, "a**", {"aa"}},
    {E, "a*+?", {"aa", "b"}},
    {E, "a+*", {"aa"}},
    {E, "a{2}", {"a", "aa", "aaa"}},
    {E, "a{2,}", {"a", "aa", "aaaaa"}},
    {E, "a{2,3}", {"a", "aa", "aaaaa"}},
    {E, "a{,2}", {"", "aaa"}},
    {E, "a{,}", {"", "aaa"}},
    {E, "a{0}", {"", "a"}},
    {E, "a{0,0}b", {"ab", "b"}},
    {E, "a{0}{2}b", {"ab", "b"}},
    {E, "(a){0}b\\1", {"b", "ab"}},
    {E, "a{1}{2}", {"a", "aa"}},
    {E, "a{2}*", {"", "a", "aaa", "aaaa"}},
    {E, "(ab){2}", {"abab", "ab"}},
    {E, "(ab){1,3}c", {"abc", "ababababc"}},
    {B, "a\\{2\\}", {"aa", "a{2}"}},
    {B, "a\\{2,\\}", {"aaaa"}},
    {B, "a\\{,2\\}", {"aaa"}},
    {B, "a\\{1,2\\}b", {"aab", "b"}},
    {B, "\\(ab\\)\\{2\\}", {"abab"}},
    {B, "a{2}", {"a{2}", "aa"}},
    {E, "a\\{2}", {"a{2}", "aa"}},
    {E, "a{1", {"a{1"}},
    {E, "a}", {"a}", "a"}},
    {B, "a\\}", {"a}", "a"}},
    {E, "a{ 1}", {"a"}},
    {E, "a{1,2}{3}", {"aaaaaa", "aaa", "aa"}},
    /* a{32767} is valid, but its copies outgrow the test's 1 MiB heap. */
    {E, "a{255}", {"a"}},
    {E, "(a*)*", {"", "b", "aa"}},
    {E, "(a*)+", {"", "b", "aa"}},
    {E, "(a+)*", {"", "aa"}},
    {E, "(a*)*b", {"aab", "b", "aaa"}},
    {E, "(a|b)*", {"abba", "c"}},
    {E, "(a|b)*c", {"abbac", "abba"}},
    {E, "(a?)*", {"", "aa"}},
    {E, "(a?)+", {"", "aa"}},
    {E, "(a?){2}", {"", "a", "aa"}},
    {E, "(a?){2,3}", {"", "a", "aaaa"}},
    {E, "((a?))*", {"", "aa"}},
    {E, "(a?b?)*", {"abab", "ba"}},
    {E, "(a*)(b*)", {"aabb", "bb", ""}},
    {E, "(a*)(a*)", {"aaa"}},
    {E, "(a*)(ab)*(b*)", {"aabb", "abab"}},
    {E, "(a|ab)(c|bcd)(d*)", {"abcd"}},
    {E, "(a+|b)*", {"ab"}},
    {E, "(a+|b){0,}", {"ab"}},
    {E, "(a+|b)+", {"ab"}},
    {E, "(a+|b){1,}", {"ab"}},
    {E, "(a+|b)?", {"ab"}},
    {E, "(a+|b){0,1}", {"ab"}},
    {E, "((a)|b)+", {"ab", "ba"}},
    {E, "(a|(b))+", {"ab", "ba"}},
    {E, "(.*)c(.*)", {"abcde", "cc"}},
    {E, "(.?)*", {"ab"}},
    {E, "(x(a*))*", {"xaxaax"}},
    /* Groups and alternation */
    {E, "(a)", {"a", "b"}},
    {E, "()", {"", "a"}},
    {E, "(())", {""}},
    {E, "((a))", {"a"}},
    {E, "(((a)))b", {"ab"}},
    {E, "((a)(b))", {"ab"}},
    {E, "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)", {"abcdefghij"}},
    {E, "a|b", {"a", "b", "c"}},
    {E, "a|b|c", {"c"}},
    {E, "ab|abc", {"abc", "ab"}},
    {E, "abc|ab", {"abc", "ab"}},
    {E, "a|", {"a", "b"}},
    {E, "|a", {"a", "b"}},
    {E, "a||b", {"b", "c"}},
    {E, "(|a)(a*)", {"aa"}},
    {E, "(a|)(a*)", {"aa"}},
    {E, "(a|b)(c|d)", {"bd", "ac"}},
    {E, "(a|ab)(bc|c)", {"abc"}},
    {E, "(ab|a)(c|bc)", {"abc"}},
    {E, "x(a|b|)y", {"xy", "xay"}},
    {E, "a)", {"a)", "a"}},
    {E, ")", {")"}},
    {E, "(a))", {"a)"}},
    {B, "\\(a\\)", {"a"}},
    {B, "\\(a\\|b\\)*c", {"abac"}},
    {B, "a\\|b", {"b"}},
    {B, "a|b", {"a|b", "a"}},
    {B, "(a)", {"(a)", "a"}},
    {B, "\\(\\)", {""}},
    {B, "\\(*a\\)", {"*a"}},
    {B, "\\(\\*a\\)", {"*a"}},
    {B, "a\\|*b", {"*b", "b"}},
    {E, "(a)|b", {"b", "a"}},
    {E, "(a)|(b)", {"b", "a"}},
    {E, "((a)|(b))*", {"ab", "ba"}},
    /* Back-references */
    {B, "\\(a\\)\\1", {"aa", "a", "xaax"}},
    {E, "(a)\\1", {"aa", "a"}},
    {E, "(a*)\\1", {"aaaa", "aaa", ""}},
    {E, "(a*)b\\1", {"aabaa", "aaba", "baa"}},
    {B, "\\(a*\\)b\\1$", {"aaba"}},
    {E, "(a|b)\\1", {"abba", "ab"}},
    {E, "(a|b)*\\1", {"abb", "aba"}},
    {E, "([ab]+)\\1", {"abab", "xababx", "aab"}},
    {E, "(.)(.)\\2\\1", {"abba", "abab", "xyzzy"}},
    {E, "((a)b)\\2", {"aba", "abb"}},
    {E, "(a)(b)(c)(d)(e)(f)(g)(h)(i)\\9", {"abcdefghii"}},
    {E, "(a)|b\\1", {"b", "ba"}},
    {E, "(a)*b\\1", {"b", "ab", "aba"}},
    {E, "((a)|b)*\\2", {"aba", "ab", "aa"}},
    /* Not "aaaa": glibc stops at (0,2); the longest is (0,4), libc_gpu's. */
    {E, "(a+)+\\1", {"aa"}},
    {E, "(^a)\\1", {"aa"}},
    {E, "(a)\\1*", {"aaa"}},
    {REG_EXTENDED | REG_ICASE, "(a)\\1", {"aA", "Aa"}},
    {E, "\\(a\\)", {"(a)"}},
    {E, "()\\1", {"", "a"}},
    {E, "(a?)\\1b", {"b", "aab"}},
    /* REG_ICASE: the pattern and the subject are upper-cased */
    {REG_ICASE, "abc", {"ABC", "aBc", "xyz"}},
    {REG_EXTENDED | REG_ICASE, "[a-c]+", {"ABCabc"}},
    {REG_EXTENDED | REG_ICASE, "[^a]", {"A", "a", "b"}},
    {REG_EXTENDED | REG_ICASE, "[[:lower:]]+", {"ABcd"}},
    {REG_EXTENDED | REG_ICASE, "[[:upper:]]+", {"ABcd"}},
    {REG_EXTENDED | REG_ICASE, "[_-a]", {"_"}},
    {REG_EXTENDED | REG_ICASE, "[Z-a]", {"_"}},
    {REG_EXTENDED | REG_ICASE, "\\a", {"a", "A"}},
    {REG_EXTENDED | REG_ICASE, "\\w+", {"aB_"}},
    {REG_EXTENDED | REG_ICASE, "[[.a.]]", {"a", "A"}},
    {REG_EXTENDED | REG_ICASE, "\\bx", {"a X"}},
    /* REG_NOSUB */
    {REG_EXTENDED | REG_NOSUB, "(a)(b)", {"ab", "ba"}},
    {REG_NOSUB, "\\(a\\)\\1", {"aa", "ab"}},
    /* Errors */
    {E, "[", {""}},
    {B, "[", {""}},
    {E, "[^", {""}},
    {E, "[a", {""}},
    {E, "[]", {""}},
    {E, "[^]", {""}},
    {E, "[a-", {""}},
    {E, "[[:", {""}},
    {E, "[[:alpha", {""}},
    {E, "[[:alpha:", {""}},
    {E, "[[.", {""}},
    {E, "[[.a", {""}},
    {E, "[[=", {""}},
    {E, "[[:foo:]]", {""}},
    {E, "[[:ALPHA:]]", {""}},
    {E, "[[::]]", {""}},
    {E, "[[:abcdefghijklmnopqrstuvwxyzabcdefghij:]]", {""}},
    {E, "[[.ab.]]", {""}},
    {E, "[[..]]", {""}},
    {E, "[[=ab=]]", {""}},
    {E, "[[.ab.]-z]", {""}},
    {E, "[a-[.bc.]]", {""}},
    {E, "[[:alpha:]-z]", {""}},
    {E, "[a-[:alpha:]]", {""}},
    {E, "[[=a=]-z]", {""}},
    {E, "[z-a]", {""}},
    {B, "[z-a]", {""}},
    {E, "[a-b-c]", {""}},
    {E, "a\\", {""}},
    {B, "a\\", {""}},
    {E, "\\", {""}},
    {E, "[a]\\", {""}},
    {E, "\\1", {""}},
    {B, "\\1", {""}},
    {E, "(a)\\2", {""}},
    {E, "(a\\1)", {""}},
    {E, "(a)|\\1", {""}},
    {B, "\\(a\\)\\|\\1", {""}},
    {E, "((a)|b)\\2", {"aa"}},
    {E, "(a", {""}},
    {E, "((a)", {""}},
    {E, "(", {""}},
    {E, "a|(", {""}},
    {B, "\\(a", {""}},
    {B, "a\\)", {""}},
    {B, "\\)", {""}},
    {E, "*a", {""}},
    {E, "+a", {""}},
    {E, "?a", {""}},
    {E, "{1}a", {""}},
    {E, "a|*b", {""}},
    {E, "(*a)", {""}},
    {E, "(+a)", {""}},
    {B, "\\{1\\}a", {""}},
    {B, "a**", {""}},
    {B, "a*\\{2\\}", {""}},
    {B, "a\\{2\\}*", {""}},
    {B, "a\\{2\\}\\{2\\}", {""}},
    {B, "a\\?*", {""}},
    {E, "a{", {""}},
    {E, "a{1", {""}},
    {E, "a{1,", {""}},
    {E, "a{1,2", {""}},
    {E, "a{x", {""}},
    {E, "a{x}", {""}},
    {E, "a{1x}", {""}},
    {E, "a{}", {""}},
    {E, "a{,x}", {""}},
    {E, "a{2,1}", {""}},
    {E, "a{1,2,3}", {""}},
    {E, "a{1\\", {""}},
    {E, "a{32768}", {""}},
    {E, "a{1,32768}", {""}},
    {E, "a{40000,1}", {""}},
    {E, "a{99999999999999999999}", {""}},
    {B, "a\\{1", {""}},
    {B, "a\\{1}", {""}},
    {B, "a\\{1}b\\}", {""}},
    {B, "a\\{1,0\\}", {""}},
    {B, "a\\{x\\}", {""}},
};

/* Every entry under its flags, with REG_ICASE, with REG_NEWLINE and with
 * REG_NOSUB added. */
static void table_cases(void) {
  static const int added[] = {0, REG_ICASE, REG_NEWLINE, REG_NOSUB};
  for (size_t i = 0; i < sizeof table / sizeof table[0]; ++i) {
    size_t count = 0;
    while (count < 7 && table[i].subjects[count])
      ++count;
    for (size_t k = 0; k < sizeof added / sizeof added[0]; ++k)
      compare_pattern(table[i].pattern, table[i].cflags | added[k], table[i].subjects, count, 0);
  }
}

static void regerror_cases(void) {
  libc_gpu_regex_t ours;
  regex_t theirs;
  libc_gpu_regcomp(&ours, "a", 0);
  regcomp(&theirs, "a", 0);
  static const size_t sizes[] = {0, 1, 2, 5, 9, 200};
  for (int code = 0; code <= REG_ERPAREN; ++code)
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; ++s) {
      char our_buffer[256], their_buffer[256];
      memset(our_buffer, '#', sizeof our_buffer);
      memset(their_buffer, '#', sizeof their_buffer);
      size_t our_size = libc_gpu_regerror(code, &ours, our_buffer, sizes[s]);
      size_t their_size = regerror(code, &theirs, their_buffer, sizes[s]);
      char input[64], got[300], expected[300];
      snprintf(input, sizeof input, "code %d size %zu", code, sizes[s]);
      snprintf(got, sizeof got, "%zu \"%.*s\"", our_size, (int)sizes[s], our_buffer);
      snprintf(expected, sizeof expected, "%zu \"%.*s\"", their_size, (int)sizes[s], their_buffer);
      check_case(our_size == their_size && !memcmp(our_buffer, their_buffer, sizeof our_buffer),
                 "regerror", input, got, expected);
    }
  libc_gpu_regfree(&ours);
  regfree(&theirs);
}

/* Generated patterns over a small alphabet, with random subjects. glibc
 * mishandles assertions in some places, and the generator keeps out of
 * them (libc_gpu answers as POSIX says there, see regex_search.c):
 *  - a word assertion (\b \B \< \>) inside a repetition or an
 *    alternative, or right after a repetition: glibc finds matches that
 *    break the assertion, as /a*\B/ on "ba" at (2,2), or none where there
 *    is one, as /(\<a|b)+/ on "aab" when asked for groups;
 *  - '^' or '$' before or after a byte in the pattern without REG_NEWLINE,
 *    where glibc takes a '\n' of the subject for a line end, as /.^/
 *    matching "a\nb": the subjects then have no '\n';
 *  - a back-reference to a group under a repetition or in an alternative,
 *    where glibc stops short of the longest match, as /(a+)+\1/ giving
 *    (0,2) on "aaaa". */
struct generated {
  char text[256];
  size_t length;
  int groups;
  uint32_t referable; /* closed groups outside repetitions and alternatives */
  int backrefs_allowed;
  int backrefs; /* how many were written */
  int line_anchors;
};

static void emit(struct generated *g, const char *piece) {
  size_t n = strlen(piece);
  if (g->length + n < sizeof g->text) {
    memcpy(g->text + g->length, piece, n);
    g->length += n;
    g->text[g->length] = '\0';
  }
}

static void generate_expression(struct generated *g, int extended, int depth, int nested);

/* nested: inside a repetition or an alternative. */
static void generate_atom(struct generated *g, int extended, int depth, int nested) {
  static const char *const atoms[] = {"a", "b", "c", ".", "[ab]", "[^a]", "[a-c]", "a", "b"};
  unsigned pick = (unsigned)test_random_below(16);
  if (pick < 10 || depth > 2) {
    emit(g, atoms[test_random_below(sizeof atoms / sizeof atoms[0])]);
  } else if (pick < 14) {
    int group = g->groups++;
    emit(g, extended ? "(" : "\\(");
    generate_expression(g, extended, depth + 1, nested);
    emit(g, extended ? ")" : "\\)");
    if (!nested && group < 9)
      g->referable |= 1u << group;
  } else if (g->referable && g->backrefs_allowed) {
    int group;
    do
      group = (int)test_random_below(9);
    while (!(g->referable & (1u << group)));
    char ref[16];
    snprintf(ref, sizeof ref, "\\%d", group + 1);
    emit(g, ref);
    ++g->backrefs;
  } else {
    emit(g, atoms[test_random_below(sizeof atoms / sizeof atoms[0])]);
  }
}

static void generate_expression(struct generated *g, int extended, int depth, int nested) {
  static const char *const ere_ops[] = {"*", "+", "?", "{2}", "{1,2}", "{0,2}", "{2,}"};
  static const char *const bre_ops[] = {"*", "\\+", "\\?", "\\{2\\}", "\\{1,2\\}", "\\{0,2\\}"};
  static const char *const word_anchors[] = {"\\b", "\\B", "\\<", "\\>"};
  int branches = test_random_below(4) == 0 ? 2 : 1;
  for (int b = 0; b < branches; ++b) {
    int inner = nested || branches > 1;
    if (b)
      emit(g, extended ? "|" : "\\|");
    if (!inner && test_random_below(6) == 0) {
      emit(g, "^");
      g->line_anchors = 1;
    }
    int pieces = 1 + (int)test_random_below(3), after_repetition = 0;
    for (int i = 0; i < pieces; ++i) {
      if (!inner && !after_repetition && test_random_below(8) == 0)
        emit(g, word_anchors[test_random_below(4)]);
      int repeated = test_random_below(3) == 0;
      generate_atom(g, extended, depth, inner || repeated);
      if (repeated)
        emit(g, extended ? ere_ops[test_random_below(7)] : bre_ops[test_random_below(6)]);
      after_repetition = repeated;
    }
    if (!inner && !after_repetition && test_random_below(8) == 0)
      emit(g, word_anchors[test_random_below(4)]);
    if (!inner && test_random_below(6) == 0) {
      emit(g, "$");
      g->line_anchors = 1;
    }
  }
}

static void random_subject(char *out, size_t max, int newlines) {
  static const char alphabet[] = "aabbc \n";
  size_t length = test_random_below(max);
  for (size_t i = 0; i < length; ++i)
    out[i] = alphabet[test_random_below(sizeof alphabet - (newlines ? 1 : 2))];
  out[length] = '\0';
}

static void generated_cases(int count) {
  for (int i = 0; i < count; ++i) {
    struct generated g;
    memset(&g, 0, sizeof g);
    int extended = (int)test_random_below(2);
    g.backrefs_allowed = test_random_below(4) == 0;
    generate_expression(&g, extended, 0, 0);
    int cflags = (extended ? REG_EXTENDED : 0) | (test_random_below(4) == 0 ? REG_ICASE : 0) |
                 (test_random_below(3) == 0 ? REG_NEWLINE : 0);
    int newlines = !g.line_anchors || (cflags & REG_NEWLINE);
    char subjects[6][16];
    const char *pointers[6];
    for (int s = 0; s < 6; ++s) {
      random_subject(subjects[s], sizeof subjects[s], newlines);
      pointers[s] = subjects[s];
    }
    /* With a back-reference, glibc's groups come from its own search (not
     * the NFA walk libc_gpu copies) and can be odd, as (0,-1) for a group
     * of /\(\(\([a-c]\?\)\(b\?\)\+\|[a-c]cb\)\{2\}\).../: the whole match
     * alone is compared (the table compares groups for ordinary ones). */
    compare_pattern(g.text, cflags, pointers, 6, g.backrefs);
  }
}

/* Random bytes from the syntax's alphabet: the parser's answers. */
static void soup_cases(int count) {
  static const char alphabet[] = "ab()[]{}|*+?^$.\\-,:=12^]";
  for (int i = 0; i < count; ++i) {
    char pattern[12];
    size_t length = 1 + test_random_below(sizeof pattern - 1);
    for (size_t k = 0; k < length; ++k)
      pattern[k] = alphabet[test_random_below(sizeof alphabet - 1)];
    pattern[length] = '\0';
    char subjects[3][12];
    const char *pointers[3];
    for (int s = 0; s < 3; ++s) {
      random_subject(subjects[s], sizeof subjects[s], 0);
      pointers[s] = subjects[s];
    }
    compare_pattern(pattern, test_random_below(2) ? REG_EXTENDED : 0, pointers, 3, 0);
  }
}

/* Patterns that take exponential time in a naive backtracker must finish
 * here in time linear in the subject. */
static void bounded_work_cases(void) {
  static char subject[20001];
  memset(subject, 'a', sizeof subject - 1);
  static const char *const patterns[] = {"(a*)*b",         "(a|aa)*b", "((a*)*)*b",
                                         "(a?){30}a{30}b", "(a*)+$x",  "(.*)*c(.*)*d"};
  for (size_t i = 0; i < sizeof patterns / sizeof patterns[0]; ++i) {
    libc_gpu_regex_t ours;
    libc_gpu_regmatch_t match[4];
    clock_t started = clock();
    int code = libc_gpu_regcomp(&ours, patterns[i], REG_EXTENDED);
    if (code == 0) {
      code = libc_gpu_regexec(&ours, subject, 4, match, 0);
      libc_gpu_regfree(&ours);
    }
    double seconds = (double)(clock() - started) / CLOCKS_PER_SEC;
    char input[64], got[64];
    snprintf(input, sizeof input, "/%s/ on 20000 a", patterns[i]);
    snprintf(got, sizeof got, "%d in %.2f s", code, seconds);
    check_case(code == REG_NOMATCH && seconds < 2.0, "regexec bounded work", input, got,
               "1 in under 2 s");
  }
  /* Back-references: the search is bounded by its state count, and a
   * subject too long for it gives REG_ESPACE, never a hang. */
  libc_gpu_regex_t ours;
  libc_gpu_regmatch_t match[4];
  libc_gpu_regcomp(&ours, "(a*)*\\1b", REG_EXTENDED);
  clock_t started = clock();
  subject[200] = '\0';
  int code = libc_gpu_regexec(&ours, subject, 4, match, 0);
  subject[200] = 'a';
  libc_gpu_regfree(&ours);
  double seconds = (double)(clock() - started) / CLOCKS_PER_SEC;
  char got[64];
  snprintf(got, sizeof got, "%d in %.2f s", code, seconds);
  check_case((code == REG_NOMATCH || code == REG_ESPACE) && seconds < 10.0, "regexec bounded work",
             "/(a*)*\\1b/ on 200 a", got, "1 or 12 in under 10 s");
  /* A pattern too big for the heap: REG_ESPACE, not a crash. */
  code = libc_gpu_regcomp(&ours, "((((a{100}){100}){100}){100})", REG_EXTENDED);
  if (code == 0)
    libc_gpu_regfree(&ours);
  snprintf(got, sizeof got, "%d", code);
  check_case(code == REG_ESPACE, "regcomp out of memory", "((((a{100}){100}){100}){100})", got,
             "12");
}

void regex_vs_glibc(void) {
  size_t free_at_start = __heap_free_bytes();
  table_cases();
  regerror_cases();
  generated_cases(3000);
  soup_cases(20000);
  bounded_work_cases();
  char got[64], expected[64];
  snprintf(got, sizeof got, "%zu bytes free", __heap_free_bytes());
  snprintf(expected, sizeof expected, "%zu bytes free", free_at_start);
  check_case(!strcmp(got, expected), "regex heap after the tests", "libc_gpu's heap", got,
             expected);
  printf("regex: %ld regexec cases with submatches, %ld whole-match only\n", submatch_cases,
         whole_match_cases);
}
