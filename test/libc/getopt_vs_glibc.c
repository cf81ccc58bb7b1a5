/* libc_gpu's getopt, getopt_long and getopt_long_only against glibc's: a
 * table of command lines and pseudo-random ones built from option-like
 * words, each scanned to the end by both from a reset (optind = 0), under
 * every optstring style ('+', '-', ':', "::", "W;") and with POSIXLY_CORRECT
 * set and not. Every call's result, optind, optarg (as an argv element and
 * offset), optopt, *longindex and the flag variable must agree, and so must
 * the permuted argv and what each wrote on stderr (captured from fd 2, where
 * both libraries write). Then getsubopt on generated option strings. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "libc_gpu_host.h"
#include "vs_glibc.h"

#define MAX_ARGS 12
#define MAX_CALLS 40

enum mode { SHORT, LONG, LONG_ONLY };

/* The flag variables the long options write, one per library. */
static int glibc_flag, libc_gpu_flag;

/* Two tables, the same but for the flag they point at. */
#define LONG_OPTIONS(flag)                                                                         \
  {                                                                                                \
    {"verbose", no_argument, NULL, 'v'}, {"value", required_argument, NULL, 'V'},                  \
        {"output", required_argument, NULL, 'o'}, {"optional", optional_argument, NULL, 'p'},      \
        {"flag", no_argument, &flag, 42}, {"verbatim", no_argument, NULL, 'b'},                    \
        {"color", no_argument, NULL, 'c'}, {"colour", no_argument, NULL, 'c'},                     \
        {"all", no_argument, NULL, 'L'}, {"a", no_argument, NULL, 'A'},                            \
        {"xyz", required_argument, NULL, 'X'}, {"help", no_argument, NULL, 'h'}, {                 \
      NULL, 0, NULL, 0                                                                             \
    }                                                                                              \
  }
static const struct option glibc_options[] = LONG_OPTIONS(glibc_flag);
static const struct option libc_gpu_options[] = LONG_OPTIONS(libc_gpu_flag);

struct command {
  enum mode mode;
  const char *optstring;
  int posixly_correct;
  int opterr;
  int argc;
  const char *argv[MAX_ARGS];
};

static const struct command table[] = {
    {SHORT, "ab:c::", 0, 1, 6, {"prog", "-a", "file", "-b", "x", "-cval"}},
    {SHORT, "ab:c::", 0, 1, 7, {"prog", "f1", "-ab", "arg", "f2", "-c", "f3"}},
    {SHORT, "+ab:c::", 0, 1, 5, {"prog", "-a", "file", "-b", "x"}},
    {SHORT, "ab:c::", 1, 1, 5, {"prog", "-a", "file", "-b", "x"}},
    {SHORT, "-ab:c::", 0, 1, 6, {"prog", "one", "-a", "two", "--", "-b"}},
    {SHORT, ":ab:", 0, 1, 3, {"prog", "-a", "-b"}},
    {SHORT, "ab:", 0, 1, 3, {"prog", "-a", "-b"}},
    {SHORT, "ab:", 0, 0, 4, {"prog", "-z", "-b", "-"}},
    {SHORT, "ab:", 0, 1, 5, {"prog", "x", "--", "-a", "y"}},
    {SHORT, "a:;b", 0, 1, 4, {"prog", "-;", "-:", "-b"}},
    {SHORT, "abW;", 0, 1, 3, {"prog", "-W", "foo"}},
    {SHORT, "", 0, 1, 3, {"prog", "-a", "b"}},
    {SHORT, "ab", 0, 1, 1, {"prog"}},
    {SHORT, "ab", 0, 1, 0, {NULL}},
    {LONG, "ab:W;", 0, 1, 6, {"prog", "--verbose", "--value=3", "--value", "4", "--output"}},
    {LONG, "ab:", 0, 1, 6, {"prog", "--ver", "--v", "--col", "--colo=x", "--o"}},
    {LONG, "ab:", 0, 1, 5, {"prog", "--optional", "--optional=z", "--opt", "z"}},
    {LONG, ":ab:", 0, 1, 4, {"prog", "--output", "--help=no", "--flag"}},
    {LONG, "ab:W;", 0, 1, 6, {"prog", "-Wverbose", "-W", "value=9", "-W", "nope"}},
    {LONG, "W;", 0, 1, 2, {"prog", "-W"}},
    {LONG, ":W;", 0, 1, 2, {"prog", "-W"}},
    {LONG, "ab:", 0, 1, 6, {"prog", "file", "--unknown", "--=x", "--", "--verbose"}},
    {LONG_ONLY, "ab:x", 0, 1, 7, {"prog", "-all", "-a", "-xyz", "q", "-x", "-ab"}},
    {LONG_ONLY, "ab:x", 0, 1, 5, {"prog", "-col", "-colour", "-verb", "-bz"}},
    {LONG_ONLY, "ab:x", 0, 1, 5, {"prog", "-zz", "--zz", "-w", "-value=1"}},
};

/* Words the generated command lines are made of. */
static const char *const words[] = {
    "-a",      "-b",       "-bval",  "-c",           "-cval",    "-abc",      "-ac",
    "-x",      "-z",       "-W",     "-Wverbose",    "-Wfoo",    "--",        "-",
    "file1",   "file2",    "arg",    "--verbose",    "--ver",    "--v",       "--value=3",
    "--value", "--output", "--opt",  "--optional=z", "--flag",   "--help=no", "--unknown",
    "--col",   "--color",  "-all",   "-al",          "-xyz",     "--xyz=1",   "-:",
    "-;",      "--a",      "--all=", "verbose",      "-verbose", "-help",     "--=",
};
static const char *const optstrings[] = {
    "ab:c::", "+ab:c::", "-ab:c::", ":ab:c::", "+:ab:c::", "-:ab:c::", "abW;x", "ab:W;c",
    ":W;",    "a:;b",    "",        "x:a",     "-",        "+",        "W;a:"};

struct transcript {
  char text[4096];
  size_t length;
};

static void add(struct transcript *t, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
static void add(struct transcript *t, const char *format, ...) {
  va_list args;
  va_start(args, format);
  if (t->length < sizeof t->text) {
    int n = vsnprintf(t->text + t->length, sizeof t->text - t->length, format, args);
    if (n > 0)
      t->length += (size_t)n;
  }
  va_end(args);
  if (t->length >= sizeof t->text)
    t->length = sizeof t->text - 1;
}

/* Where optarg points: into which of the original words, and where. */
static void add_pointer(struct transcript *t, const char *name, const char *pointer,
                        char *const original[], int argc) {
  if (!pointer) {
    add(t, " %s=NULL", name);
    return;
  }
  for (int i = 0; i < argc; ++i) {
    size_t length = strlen(original[i]);
    if (pointer >= original[i] && pointer <= original[i] + length) {
      add(t, " %s=argv%d+%d", name, i, (int)(pointer - original[i]));
      return;
    }
  }
  add(t, " %s=elsewhere", name);
}

static char capture_path[] = "/tmp/libc_gpu_getopt_XXXXXX";
static int capture_fd = -1;
static int saved_stderr = -1;

static void capture_start(void) {
  fflush(stderr);
  libc_gpu_fflush(libc_gpu_stderr);
  if (ftruncate(capture_fd, 0) != 0 || lseek(capture_fd, 0, SEEK_SET) != 0)
    perror("capture");
  saved_stderr = dup(2);
  dup2(capture_fd, 2);
}

static void capture_end(struct transcript *t) {
  fflush(stderr);
  libc_gpu_fflush(libc_gpu_stderr);
  dup2(saved_stderr, 2);
  close(saved_stderr);
  char buffer[1024];
  ssize_t n = pread(capture_fd, buffer, sizeof buffer - 1, 0);
  buffer[n > 0 ? n : 0] = '\0';
  add(t, " | stderr: %s", buffer);
}

/* The whole scan of one command line by one library, from a reset. */
static void run(const struct command *c, int ours, struct transcript *t) {
  char storage[MAX_ARGS][64];
  char *original[MAX_ARGS + 1], *argv[MAX_ARGS + 1];
  for (int i = 0; i < c->argc; ++i) {
    snprintf(storage[i], sizeof storage[i], "%s", c->argv[i]);
    original[i] = argv[i] = storage[i];
  }
  original[c->argc] = argv[c->argc] = NULL;
  if (c->posixly_correct) {
    setenv("POSIXLY_CORRECT", "1", 1);
    libc_gpu_setenv("POSIXLY_CORRECT", "1", 1);
  }
  if (ours) {
    libc_gpu_optind = 0;
    libc_gpu_opterr = c->opterr;
  } else {
    optind = 0;
    opterr = c->opterr;
  }
  capture_start();
  for (int call = 0; call < MAX_CALLS; ++call) {
    int index = -7, result;
    *(ours ? &libc_gpu_flag : &glibc_flag) = -1;
    if (c->mode == SHORT)
      result =
          ours ? libc_gpu_getopt(c->argc, argv, c->optstring) : getopt(c->argc, argv, c->optstring);
    else if (c->mode == LONG)
      result = ours ? libc_gpu_getopt_long(c->argc, argv, c->optstring, libc_gpu_options, &index)
                    : getopt_long(c->argc, argv, c->optstring, glibc_options, &index);
    else
      result =
          ours ? libc_gpu_getopt_long_only(c->argc, argv, c->optstring, libc_gpu_options, &index)
               : getopt_long_only(c->argc, argv, c->optstring, glibc_options, &index);
    add(t, "[%d optind=%d optopt=%d index=%d flag=%d", result, ours ? libc_gpu_optind : optind,
        ours ? libc_gpu_optopt : optopt, index, ours ? libc_gpu_flag : glibc_flag);
    add_pointer(t, "optarg", ours ? libc_gpu_optarg : optarg, original, c->argc);
    add(t, "]");
    if (result == -1)
      break;
  }
  capture_end(t);
  add(t, " | argv:");
  for (int i = 0; i < c->argc; ++i)
    add(t, " %s", argv[i]);
  if (c->posixly_correct) {
    unsetenv("POSIXLY_CORRECT");
    libc_gpu_unsetenv("POSIXLY_CORRECT");
  }
}

static void describe(const struct command *c, char *out, size_t size) {
  static const char *const modes[] = {"getopt", "getopt_long", "getopt_long_only"};
  int used = snprintf(out, size, "%s \"%s\"%s%s:", modes[c->mode], c->optstring,
                      c->posixly_correct ? " POSIXLY_CORRECT" : "", c->opterr ? "" : " opterr=0");
  for (int i = 0; i < c->argc && used > 0 && (size_t)used < size; ++i)
    used += snprintf(out + used, size - (size_t)used, " %s", c->argv[i]);
}

static void compare(const struct command *c) {
  static struct transcript ours, theirs;
  ours.length = theirs.length = 0;
  ours.text[0] = theirs.text[0] = '\0';
  run(c, 0, &theirs);
  run(c, 1, &ours);
  char input[512];
  describe(c, input, sizeof input);
  check_case(strcmp(ours.text, theirs.text) == 0, "getopt family", input, ours.text, theirs.text);
}

static void generated(int count) {
  for (int i = 0; i < count; ++i) {
    struct command c = {.mode = (enum mode)test_random_below(3),
                        .optstring =
                            optstrings[test_random_below(sizeof optstrings / sizeof *optstrings)],
                        .posixly_correct = test_random_below(8) == 0,
                        .opterr = test_random_below(6) != 0,
                        .argc = 1 + (int)test_random_below(MAX_ARGS - 1)};
    c.argv[0] = "prog";
    for (int k = 1; k < c.argc; ++k)
      c.argv[k] = words[test_random_below(sizeof words / sizeof *words)];
    compare(&c);
  }
}

/* A second scan without a reset (optind = 1, as many programs do): the
 * state left by the first is read the same way. */
static void rescans(void) {
  for (int i = 0; i < 300; ++i) {
    struct command first = {.mode = SHORT, .optstring = "ab:c::", .opterr = 1, .argc = 5};
    const char *const line[] = {"prog", "-a", "x", "-abz", "-c"};
    memcpy(first.argv, line, sizeof line);
    struct transcript ours = {.length = 0}, theirs = {.length = 0};
    run(&first, 0, &theirs);
    run(&first, 1, &ours);
    struct command second = {
        .mode = SHORT,
        .optstring = optstrings[test_random_below(sizeof optstrings / sizeof *optstrings)],
        .opterr = 1,
        .argc = 1 + (int)test_random_below(MAX_ARGS - 1)};
    second.argv[0] = "prog";
    for (int k = 1; k < second.argc; ++k)
      second.argv[k] = words[test_random_below(sizeof words / sizeof *words)];
    optind = libc_gpu_optind = 1;
    /* Quiet: the messages were compared above. */
    opterr = libc_gpu_opterr = 0;
    char storage[2][MAX_ARGS][64];
    char *argv[2][MAX_ARGS + 1];
    for (int lib = 0; lib < 2; ++lib) {
      for (int k = 0; k < second.argc; ++k) {
        snprintf(storage[lib][k], 64, "%s", second.argv[k]);
        argv[lib][k] = storage[lib][k];
      }
      argv[lib][second.argc] = NULL;
    }
    for (int call = 0; call < MAX_CALLS; ++call) {
      int a = getopt(second.argc, argv[0], second.optstring);
      add(&theirs, "[%d %d %d]", a, optind, optopt);
      if (a == -1)
        break;
    }
    for (int call = 0; call < MAX_CALLS; ++call) {
      int a = libc_gpu_getopt(second.argc, argv[1], second.optstring);
      add(&ours, "[%d %d %d]", a, libc_gpu_optind, libc_gpu_optopt);
      if (a == -1)
        break;
    }
    for (int k = 0; k < second.argc; ++k) {
      add(&ours, " %s", argv[1][k]);
      add(&theirs, " %s", argv[0][k]);
    }
    char input[512];
    describe(&second, input, sizeof input);
    check_case(strcmp(ours.text, theirs.text) == 0, "getopt rescan (optind = 1)", input, ours.text,
               theirs.text);
  }
}

static void getsubopt_cases(void) {
  static const char *const tokens_list[] = {"ro", "rw", "size", "mode", "r", NULL};
  static const char *const pieces[] = {"ro", "rw", "size=10", "mode=0755", "r",     "x",    "size",
                                       "=v", "",   "ro=1",    "rwx",       "siz=2", "mode="};
  char *const *tokens = (char *const *)tokens_list;
  for (int i = 0; i < 2000; ++i) {
    char text[128] = "";
    int count = 1 + (int)test_random_below(5);
    for (int k = 0; k < count; ++k) {
      if (k)
        strcat(text, ",");
      strcat(text, pieces[test_random_below(sizeof pieces / sizeof *pieces)]);
    }
    char ours_buffer[128], theirs_buffer[128];
    strcpy(ours_buffer, text);
    strcpy(theirs_buffer, text);
    char *ours_at = ours_buffer, *theirs_at = theirs_buffer;
    struct transcript ours = {.length = 0}, theirs = {.length = 0};
    for (int step = 0; step < 8; ++step) {
      char *ours_value = (char *)1, *theirs_value = (char *)1;
      int a = libc_gpu_getsubopt(&ours_at, tokens, &ours_value);
      int b = getsubopt(&theirs_at, tokens, &theirs_value);
      add(&ours, "[%d at+%d value=%d]", a, (int)(ours_at - ours_buffer),
          ours_value == (char *)1 ? -2
          : ours_value            ? (int)(ours_value - ours_buffer)
                                  : -1);
      add(&theirs, "[%d at+%d value=%d]", b, (int)(theirs_at - theirs_buffer),
          theirs_value == (char *)1 ? -2
          : theirs_value            ? (int)(theirs_value - theirs_buffer)
                                    : -1);
      if (!*theirs_at && !*ours_at)
        break;
    }
    check_case(strcmp(ours.text, theirs.text) == 0 &&
                   memcmp(ours_buffer, theirs_buffer, strlen(text) + 1) == 0,
               "getsubopt", text, ours.text, theirs.text);
  }
}

void getopt_vs_glibc(void) {
  capture_fd = mkstemp(capture_path);
  if (capture_fd < 0) {
    perror("mkstemp");
    return;
  }
  for (size_t i = 0; i < sizeof table / sizeof *table; ++i)
    compare(&table[i]);
  generated(6000);
  rescans();
  getsubopt_cases();
  close(capture_fd);
  unlink(capture_path);
  /* Leave both libraries as a program starts them. */
  optind = libc_gpu_optind = 1;
  opterr = libc_gpu_opterr = 1;
}
