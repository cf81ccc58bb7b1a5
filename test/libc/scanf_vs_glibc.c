/* libc_gpu's scanf family against glibc's. Generated formats (every
 * conversion, with widths, '*', lengths, sets, 'm', "%n$" positions, literal
 * text and white space) read generated inputs (numbers in every form glibc
 * takes or half-takes, words, white space, bytes above 0x7f). Each case runs
 * through sscanf and vsscanf, and through fscanf and vfscanf on a file both
 * libraries open: the return value, errno, every stored byte and, on files,
 * where the stream stands afterwards (ftell, the next character, the eof and
 * error flags) must be glibc's. Some file cases read with an unbuffered or
 * tiny buffer, push a character back first, or scan twice in a row. scanf
 * and vscanf read libc_gpu's stdin, pointed at the file for the occasion. */
#include <errno.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "check.h"
#include "libc_gpu_host.h"
#include "vs_glibc.h"

#define SLOTS 8
#define SLOT_SIZE 1024
#define UNTOUCHED 0xa5

/* Where the conversions store, one slot per argument; a slot of an 'm'
 * conversion receives a pointer to memory the library allocated. */
struct slots {
  unsigned char bytes[SLOTS][SLOT_SIZE];
};

struct scan_case {
  char format[256];
  char input[600];
  size_t input_length; /* the file holds exactly this; sscanf stops at a NUL */
  int allocating[SLOTS];
  int wide_allocating[SLOTS];
};

static struct slots ours_slots, theirs_slots;

#define ARGS(s)                                                                                    \
  (s).bytes[0], (s).bytes[1], (s).bytes[2], (s).bytes[3], (s).bytes[4], (s).bytes[5],              \
      (s).bytes[6], (s).bytes[7]

static int ours_vsscanf(const char *input, const char *format, ...) {
  va_list args;
  va_start(args, format);
  int result = libc_gpu_vsscanf(input, format, args);
  va_end(args);
  return result;
}

static int ours_vfscanf(LIBC_GPU_FILE *stream, const char *format, ...) {
  va_list args;
  va_start(args, format);
  int result = libc_gpu_vfscanf(stream, format, args);
  va_end(args);
  return result;
}

static int ours_vscanf(const char *format, ...) {
  va_list args;
  va_start(args, format);
  int result = libc_gpu_vscanf(format, args);
  va_end(args);
  return result;
}

static void printable(char *out, size_t size, const char *text, size_t length) {
  size_t used = 0;
  for (size_t i = 0; i < length && used + 5 < size; ++i) {
    unsigned char ch = (unsigned char)text[i];
    if (ch >= 0x20 && ch < 0x7f && ch != '\\')
      out[used++] = (char)ch;
    else
      used += (size_t)snprintf(out + used, size - used, "\\x%02x", ch);
  }
  out[used] = '\0';
}

static void describe_case(char *out, size_t size, const char *how, const struct scan_case *c) {
  char input[400], format[300];
  printable(input, sizeof input, c->input, c->input_length);
  printable(format, sizeof format, c->format, strlen(c->format));
  snprintf(out, size, "%s \"%s\" on \"%s\"", how, format, input);
}

static void check_numbers(const char *what, const char *where, long ours, long theirs) {
  char got[32], expected[32];
  snprintf(got, sizeof got, "%ld", ours);
  snprintf(expected, sizeof expected, "%ld", theirs);
  check_case(ours == theirs, what, where, got, expected);
}

static int untouched_pointer(const unsigned char *slot) {
  for (size_t i = 0; i < sizeof(void *); ++i)
    if (slot[i] != UNTOUCHED)
      return 0;
  return 1;
}

/* An 'm' slot: both untouched, both NULL, or equal text; the memory goes
 * back to its library, and the slot is cleared for the byte comparison. */
static void compare_allocated(const struct scan_case *c, const char *where, int slot) {
  unsigned char *ours_slot = ours_slots.bytes[slot], *theirs_slot = theirs_slots.bytes[slot];
  int ours_untouched = untouched_pointer(ours_slot),
      theirs_untouched = untouched_pointer(theirs_slot);
  char *ours = NULL, *theirs = NULL;
  if (!ours_untouched)
    memcpy(&ours, ours_slot, sizeof ours);
  if (!theirs_untouched)
    memcpy(&theirs, theirs_slot, sizeof theirs);
  int same;
  char got[300], expected[300];
  if (ours_untouched || theirs_untouched || !ours || !theirs) {
    same = ours_untouched == theirs_untouched && !ours == !theirs;
    snprintf(got, sizeof got, "%s", ours_untouched ? "untouched" : ours ? "text" : "NULL");
    snprintf(expected, sizeof expected, "%s",
             theirs_untouched ? "untouched"
             : theirs         ? "text"
                              : "NULL");
  } else if (c->wide_allocating[slot]) {
    same = wcscmp((wchar_t *)ours, (wchar_t *)theirs) == 0;
    snprintf(got, sizeof got, "%ls", (wchar_t *)ours);
    snprintf(expected, sizeof expected, "%ls", (wchar_t *)theirs);
  } else {
    same = strcmp(ours, theirs) == 0;
    printable(got, sizeof got, ours, strlen(ours));
    printable(expected, sizeof expected, theirs, strlen(theirs));
  }
  check_case(same, "allocated text", where, got, expected);
  libc_gpu_free(ours);
  free(theirs);
  memset(ours_slot, 0, sizeof(void *));
  memset(theirs_slot, 0, sizeof(void *));
}

static void compare_slots(const struct scan_case *c, const char *where) {
  for (int slot = 0; slot < SLOTS; ++slot) {
    if (c->allocating[slot])
      compare_allocated(c, where, slot);
    if (memcmp(ours_slots.bytes[slot], theirs_slots.bytes[slot], SLOT_SIZE) == 0)
      continue;
    size_t first = 0;
    while (ours_slots.bytes[slot][first] == theirs_slots.bytes[slot][first])
      ++first;
    char what[32], got[80], expected[80];
    snprintf(what, sizeof what, "stored bytes, argument %d", slot + 1);
    size_t start = first & ~(size_t)7;
    int used_ours = snprintf(got, sizeof got, "at %zu:", start);
    int used_theirs = snprintf(expected, sizeof expected, "at %zu:", start);
    for (size_t i = start; i < start + 16 && i < SLOT_SIZE; ++i) {
      used_ours += snprintf(got + used_ours, sizeof got - (size_t)used_ours, " %02x",
                            ours_slots.bytes[slot][i]);
      used_theirs += snprintf(expected + used_theirs, sizeof expected - (size_t)used_theirs,
                              " %02x", theirs_slots.bytes[slot][i]);
    }
    check_case(0, what, where, got, expected);
  }
}

static void reset_slots(void) {
  memset(&ours_slots, UNTOUCHED, sizeof ours_slots);
  memset(&theirs_slots, UNTOUCHED, sizeof theirs_slots);
}

static void run_on_string(const struct scan_case *c, int use_v) {
  char where[800];
  describe_case(where, sizeof where, use_v ? "vsscanf" : "sscanf", c);
  reset_slots();
  libc_gpu_errno = 0;
  errno = 0;
  int ours = use_v ? ours_vsscanf(c->input, c->format, ARGS(ours_slots))
                   : libc_gpu_sscanf(c->input, c->format, ARGS(ours_slots));
  int ours_errno = libc_gpu_errno;
  int theirs = sscanf(c->input, c->format, ARGS(theirs_slots));
  int theirs_errno = errno;
  check_numbers("result", where, ours, theirs);
  check_numbers("errno", where, ours_errno, theirs_errno);
  compare_slots(c, where);
}

static char file_path[64];

static void write_input(const struct scan_case *c) {
  FILE *out = fopen(file_path, "wb");
  fwrite(c->input, 1, c->input_length, out);
  fclose(out);
}

/* Where both streams stand: position, flags, then the next character. */
static void compare_streams(LIBC_GPU_FILE *ours, FILE *theirs, const char *where) {
  check_numbers("ftell", where, libc_gpu_ftell(ours), ftell(theirs));
  check_numbers("feof", where, libc_gpu_feof(ours) != 0, feof(theirs) != 0);
  check_numbers("ferror", where, libc_gpu_ferror(ours) != 0, ferror(theirs) != 0);
  check_numbers("next character", where, libc_gpu_fgetc(ours), fgetc(theirs));
}

static void run_on_file(const struct scan_case *c, const struct scan_case *second, int use_v) {
  char where[1600];
  describe_case(where, sizeof where, use_v ? "vfscanf" : "fscanf", c);
  LIBC_GPU_FILE *ours = libc_gpu_fopen(file_path, "r");
  FILE *theirs = fopen(file_path, "r");
  static char ours_buffer[4], theirs_buffer[4];
  switch (test_random_below(4)) {
  case 0:
    strcat(where, " (unbuffered)");
    libc_gpu_setvbuf(ours, NULL, _IONBF, 0);
    setvbuf(theirs, NULL, _IONBF, 0);
    break;
  case 1:
    strcat(where, " (4-byte buffer)");
    libc_gpu_setvbuf(ours, ours_buffer, _IOFBF, sizeof ours_buffer);
    setvbuf(theirs, theirs_buffer, _IOFBF, sizeof theirs_buffer);
    break;
  default:
    break;
  }
  if (c->input_length && test_random_below(4) == 0) {
    /* A character read and pushed back: scanf must see it first. */
    strcat(where, " (after fgetc and ungetc)");
    int ch = libc_gpu_fgetc(ours);
    fgetc(theirs);
    libc_gpu_ungetc(ch, ours);
    ungetc(ch, theirs);
  }
  for (const struct scan_case *pass = c; pass; pass = pass == c ? second : NULL) {
    if (pass != c) {
      char more[400];
      describe_case(more, sizeof more, ", then", pass);
      strncat(where, more, sizeof where - strlen(where) - 1);
    }
    reset_slots();
    libc_gpu_errno = 0;
    errno = 0;
    int ours_result = use_v ? ours_vfscanf(ours, pass->format, ARGS(ours_slots))
                            : libc_gpu_fscanf(ours, pass->format, ARGS(ours_slots));
    int ours_errno = libc_gpu_errno;
    int theirs_result = fscanf(theirs, pass->format, ARGS(theirs_slots));
    int theirs_errno = errno;
    check_numbers("result", where, ours_result, theirs_result);
    check_numbers("errno", where, ours_errno, theirs_errno);
    compare_slots(pass, where);
  }
  compare_streams(ours, theirs, where);
  libc_gpu_fclose(ours);
  fclose(theirs);
}

/* scanf and vscanf on stdin, which is a stream on the file for the moment
 * (a VM's own stdin is always at its end). */
static void run_on_stdin(const struct scan_case *c, int use_v) {
  char where[800];
  describe_case(where, sizeof where, use_v ? "vscanf" : "scanf", c);
  LIBC_GPU_FILE *console = libc_gpu_stdin;
  libc_gpu_stdin = libc_gpu_fopen(file_path, "r");
  FILE *theirs = fopen(file_path, "r");
  reset_slots();
  libc_gpu_errno = 0;
  errno = 0;
  int ours = use_v ? ours_vscanf(c->format, ARGS(ours_slots))
                   : libc_gpu_scanf(c->format, ARGS(ours_slots));
  int ours_errno = libc_gpu_errno;
  int theirs_result = fscanf(theirs, c->format, ARGS(theirs_slots));
  int theirs_errno = errno;
  check_numbers("result", where, ours, theirs_result);
  check_numbers("errno", where, ours_errno, theirs_errno);
  compare_slots(c, where);
  compare_streams(libc_gpu_stdin, theirs, where);
  fclose(theirs);
  libc_gpu_fclose(libc_gpu_stdin);
  libc_gpu_stdin = console;
}

/* The console's stdin: always at its end. */
static void console_stdin(void) {
  int value = 7;
  int result = libc_gpu_scanf("%d", &value);
  check_case(result == EOF && value == 7 && libc_gpu_feof(libc_gpu_stdin), "scanf",
             "the console's stdin", result == EOF ? "EOF" : "not EOF", "EOF, feof");
  libc_gpu_clearerr(libc_gpu_stdin);
}

/* Inputs: pieces glibc reads whole, in part, or not at all. */
static const char *const tokens[] = {
    "0",
    "1",
    "-1",
    "+5",
    "123456",
    "-0",
    "007",
    "08",
    "0x",
    "0X1F",
    "-0x1f",
    "0xg",
    "+0x",
    "1e5",
    "1e",
    "1e+",
    "1E-3",
    "1.5",
    ".5",
    "5.",
    ".",
    "-.",
    "1.2.3",
    "1e5.3",
    "0x1.8p3",
    "0x.p",
    "0x1p",
    "0x1P-2",
    "0xap",
    "-0x1.fffffffffffffp1023",
    "inf",
    "-inf",
    "INF",
    "infinity",
    "infin",
    "infinitx",
    "iNfInItY",
    "nan",
    "NaN",
    "-nan",
    "na",
    "nan(123)",
    "nax",
    "(nil)",
    "(nix)",
    "(NIL)",
    "(",
    "99999999999999999999",
    "-9223372036854775808",
    "-9223372036854775809",
    "9223372036854775807",
    "18446744073709551615",
    "18446744073709551616",
    "-18446744073709551616",
    "4294967296",
    "-2147483649",
    "65536",
    "257",
    "1e400",
    "-1e-400",
    "2.2250738585072011e-308",
    "3.4028236e38",
    "1.1754942e-38",
    "0.000000000000000000000000000000000000000000001",
    "1234567890123456789012345678901234567890123456789012345678901234567890.5",
    "abc",
    "hello",
    "a-z",
    "]",
    "^",
    "-",
    "+",
    "%",
    "%%",
    "x",
    "X",
    "\xff",
    "\x80"
    "abc",
    "Z9",
    "deadBEEF",
    "777",
    "0777",
    "0b1",
    "e5",
    "p3",
    "ab]cd",
    "tab\tbed"};
static const char *const separators[] = {" ", "  ", "\t", "\n", "", "", ",", ":", " \n "};

static void random_input(struct scan_case *c) {
  size_t used = 0;
  if (test_random_below(6) == 0) {
    static const char alphabet[] = " \t\n0123456789+-.xXeEpPabcdfinAFIN()%[]^,:\xff";
    size_t length = test_random_below(30);
    for (size_t i = 0; i < length; ++i)
      c->input[used++] = alphabet[test_random_below(sizeof alphabet - 1)];
  } else {
    int count = 1 + (int)test_random_below(6);
    for (int i = 0; i < count; ++i) {
      const char *pieces[2] = {
          separators[test_random_below(sizeof separators / sizeof *separators)],
          tokens[test_random_below(sizeof tokens / sizeof *tokens)]};
      for (int k = 0; k < 2; ++k) {
        size_t length = strlen(pieces[k]);
        if (used + length < sizeof c->input - 1) {
          memcpy(c->input + used, pieces[k], length);
          used += length;
        }
      }
    }
  }
  c->input[used] = '\0';
  c->input_length = used;
}

static const char *const sets[] = {"[a-z]",       "[^ ]",  "[]a]",        "[^]a]",   "[-a]",
                                   "[a-]",        "[z-a]", "[0-9a-fA-F]", "[^\n]",   "[^,:]",
                                   "[+-.0-9]",    "[^x-]", "[%]",         "[a-c-e]", "[^\xff]",
                                   "[\x80-\xff]", "[]-a]", "[--a]"};
static const char *const ascii_sets[] = {"[a-z]", "[0-9a-fA-F]", "[]a]", "[+-.0-9]", "[-a]"};

/* Appends one directive; its argument, if it takes one, is slot *slot. */
static void add_directive(struct scan_case *c, int *slot, int positional) {
  char directive[64], position[8] = "";
  int suppress = test_random_below(8) == 0;
  char width[8] = "";
  if (test_random_below(3) == 0)
    snprintf(width, sizeof width, "%d", (int)test_random_below(12));
  int uses_slot = 1;
  if (positional)
    snprintf(position, sizeof position, "%d$", *slot + 1);
  switch (test_random_below(14)) {
  case 0:
  case 1:
  case 2: {
    static const char conversions[] = "diuoxXp";
    static const char *const lengths[] = {"",   "",  "",  "hh", "h", "l",
                                          "ll", "j", "z", "t",  "L", "q"};
    snprintf(directive, sizeof directive, "%%%s%s%s%s%c", position, suppress ? "*" : "", width,
             lengths[test_random_below(sizeof lengths / sizeof *lengths)],
             conversions[test_random_below(sizeof conversions - 1)]);
    break;
  }
  case 3:
  case 4: {
    static const char conversions[] = "aAeEfFgG";
    static const char *const lengths[] = {"", "l", "L", "ll", "h"};
    snprintf(directive, sizeof directive, "%%%s%s%s%s%c", position, suppress ? "*" : "", width,
             lengths[test_random_below(sizeof lengths / sizeof *lengths)],
             conversions[test_random_below(sizeof conversions - 1)]);
    break;
  }
  case 5: {
    static const char *const kinds[] = {"s", "c", "ls", "lc", "S", "C"};
    snprintf(directive, sizeof directive, "%%%s%s%s%s", position, suppress ? "*" : "", width,
             kinds[test_random_below(6)]);
    break;
  }
  case 6:
    snprintf(directive, sizeof directive, "%%%s%s%s%s", position, suppress ? "*" : "", width,
             sets[test_random_below(sizeof sets / sizeof *sets)]);
    break;
  case 7:
    /* glibc's %l[ is odd on bytes above 0x7f: only ASCII sets here. */
    snprintf(directive, sizeof directive, "%%%s%s%sl%s", position, suppress ? "*" : "", width,
             ascii_sets[test_random_below(sizeof ascii_sets / sizeof *ascii_sets)]);
    break;
  case 8: {
    static const char *const kinds[] = {"ms", "m[a-z]", "m[^ ]", "mls", "m[0-9]"};
    int kind = (int)test_random_below(5);
    snprintf(directive, sizeof directive, "%%%s%s%s", position, width, kinds[kind]);
    c->allocating[*slot] = 1;
    c->wide_allocating[*slot] = kind == 3;
    break;
  }
  case 9: {
    static const char *const lengths[] = {"", "hh", "h", "l", "ll", "j", "z", "t"};
    snprintf(directive, sizeof directive, "%%%s%sn", position,
             lengths[test_random_below(sizeof lengths / sizeof *lengths)]);
    break;
  }
  case 10:
    snprintf(directive, sizeof directive, "%%%%");
    uses_slot = 0;
    break;
  case 11: {
    static const char *const spaces[] = {" ", "\n", "\t ", "  "};
    snprintf(directive, sizeof directive, "%s", spaces[test_random_below(4)]);
    uses_slot = 0;
    break;
  }
  default: {
    static const char literals[] = "x,:-.a0";
    snprintf(directive, sizeof directive, "%c", literals[test_random_below(sizeof literals - 1)]);
    uses_slot = 0;
    break;
  }
  }
  if (suppress && uses_slot && !positional && directive[0] == '%' && strchr(directive, '*'))
    uses_slot = 0;
  strncat(c->format, directive, sizeof c->format - strlen(c->format) - 1);
  if (uses_slot)
    ++*slot;
}

static void random_case(struct scan_case *c) {
  memset(c, 0, sizeof *c);
  random_input(c);
  /* With "%n$", every conversion takes a position (and '*' is not used on
   * them, since a suppressed one would leave its position unused). */
  int positional = test_random_below(10) == 0;
  int count = 1 + (int)test_random_below(6);
  int slot = 0;
  for (int i = 0; i < count && slot < SLOTS; ++i)
    add_directive(c, &slot, positional);
  if (positional) {
    /* Suppressed conversions leave holes in the positions: drop '*'. */
    char *star;
    while ((star = strstr(c->format, "$*")) != NULL)
      memmove(star + 1, star + 2, strlen(star + 2) + 1);
  }
}

/* Cases worth naming: what each conversion takes, leaves or refuses. */
static const char *const directed[][2] = {
    {"%d", "-"},
    {"%*d%d", "1"},
    {"%5c", "abc"},
    {"%f%n", "1e"},
    {"%x%n", "0x"},
    {"%i%n", "0xg"},
    {"%f", "infinx"},
    {"%n", "  "},
    {" %n", "  "},
    {"%n", ""},
    {"a%d", "a"},
    {"a %d", "a "},
    {"%ls", "a\xff"
            "b"},
    {"%*ls", "a\xff"
             "b"},
    {"%*lc", "\xff"
             "b"},
    {"%%", "%"},
    {" %%", " %"},
    {"%%", "x"},
    {"%%", ""},
    {"%2$d %1$d", "1 2"},
    {"%0d", "5"},
    {"%ms", "hello world"},
    {"%ms", ""},
    {"%p%n", "(nil)"},
    {"%p", "(nix)"},
    {"%4p", "(nil)"},
    {"%5p", "(nil)"},
    {"%[a-]%n", "abc"},
    {"%[", "abc"},
    {"%y", "abc"},
    {"%y", ""},
    {"%", "abc"},
    {"%", ""},
    {" ", ""},
    {"x", ""},
    {"%m3c", "xyz"},
    {"%hhd", "300"},
    {"%hu", "-1"},
    {"%d", "99999999999999999999"},
    {"%u", "-99999999999999999999"},
    {"%lld", "-9223372036854775809"},
    {"%5f", "123456"},
    {"%3f", "-.5e1"},
    {"%2f", "-x"},
    {"%1f", "-1"},
    {"%4f", "infinity"},
    {"%5f", "infinity"},
    {"%a", "0x1p-1074"},
    {"%La", "0x1p-16445"},
    {"%*[^\n]%n", "line one\nline two"},
    {"%s%n%c", "word\tx"},
    {"%c%c%c", "a b"},
    {"%d%%%d", "1%2"},
    {"%d %% %d", "1 % 2"},
    {"%1$s %1$n", "abc"},
    {"%'d", "1234"},
    {"%Id", "42"},
    {"%*5c%n", "abcdefg"},
    {"%10[a-z]%n", "abcdefghijklmnop"},
    /* Many more integer digits than fraction digits (a strtod bug once). */
    {"%lf%n", "1234567890123456789012345678901234567890123456789012345678901234567890.5"},
    {"%Lf%n", "1234567890123456789012345678901234567890123456789012345678901234567890.5"},
    {"%d%d", "99999999999999999999"},
    {"%d %d", "99999999999999999999 1"},
};

static void run_everywhere(const struct scan_case *c, const struct scan_case *second) {
  run_on_string(c, 0);
  run_on_string(c, 1);
  write_input(c);
  run_on_file(c, NULL, 0);
  run_on_file(c, second, 1);
}

static void fill_directed(struct scan_case *c, const char *format, const char *input) {
  memset(c, 0, sizeof *c);
  snprintf(c->format, sizeof c->format, "%s", format);
  snprintf(c->input, sizeof c->input, "%s", input);
  c->input_length = strlen(input);
  if (strstr(format, "%m"))
    c->allocating[0] = 1;
}

/* %mc: the characters, not a string, in memory the library allocated. */
static void allocated_characters(void) {
  static const char *const cases[][2] = {{"%mc%n", "q"},
                                         {"%3mc%n", "xyz"},
                                         {"%5mc%n", "ab"},
                                         {"%2000mc%n", "long enough? no"},
                                         {"%mc%n", ""}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; ++i) {
    char *ours = NULL, *theirs = NULL;
    int ours_count = -1, theirs_count = -1;
    int ours_result = libc_gpu_sscanf(cases[i][1], cases[i][0], &ours, &ours_count);
    int theirs_result = sscanf(cases[i][1], cases[i][0], &theirs, &theirs_count);
    char where[80], got[80], expected[80];
    snprintf(where, sizeof where, "\"%s\" on \"%s\"", cases[i][0], cases[i][1]);
    snprintf(got, sizeof got, "%d, %d characters: %.*s", ours_result, ours_count,
             ours && ours_count > 0 ? ours_count : 0, ours ? ours : "");
    snprintf(expected, sizeof expected, "%d, %d characters: %.*s", theirs_result, theirs_count,
             theirs && theirs_count > 0 ? theirs_count : 0, theirs ? theirs : "");
    check_case(strcmp(got, expected) == 0 && !ours == !theirs, "%mc", where, got, expected);
    libc_gpu_free(ours);
    free(theirs);
  }
}

void scanf_vs_glibc(void) {
  char directory[] = "/tmp/libc_gpu_scanf_XXXXXX";
  if (!mkdtemp(directory)) {
    check_case(0, "mkdtemp", directory, strerror(errno), "a directory");
    return;
  }
  snprintf(file_path, sizeof file_path, "%s/input", directory);
  static struct scan_case c, second;
  allocated_characters();
  console_stdin();
  for (size_t i = 0; i < sizeof directed / sizeof *directed; ++i) {
    fill_directed(&c, directed[i][0], directed[i][1]);
    run_everywhere(&c, NULL);
    run_on_stdin(&c, (int)(i & 1));
  }
  for (int i = 0; i < 20000; ++i) {
    random_case(&c);
    random_case(&second);
    run_everywhere(&c, test_random_below(3) == 0 ? &second : NULL);
    if (i % 100 == 0)
      run_on_stdin(&c, i % 200 == 0);
  }
  unlink(file_path);
  rmdir(directory);
}
