/* libc_gpu's setenv, unsetenv and putenv against glibc's: both start from
 * the same environment, in arrays neither library may free (as a VM's boot
 * environment), and take the same pseudo-random sequence of calls. After
 * each call the results, errno, both whole environments (entries in order)
 * and getenv of every name used must agree. glibc's environ is the test
 * process's own: it is put back at the end. Then what glibc cannot show:
 * values getenv returned stay readable, and ENOMEM with the heap exhausted
 * leaves the environment as it was. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "libc_gpu_host.h"
#include "vs_glibc.h"

extern char **environ;

#define RUNS 200
#define STEPS 60

static const char *const names[] = {"A", "B", "C",   "HOME", "PATH", "LONG_NAME_1",
                                    "Z", "",  "X=Y", "=",    "AB",   "a"};
static const char *const values[] = {"", "1", "two", "a=b", "=", "/usr/local/bin:/usr/bin:/bin"};
/* putenv keeps the string itself: these outlive the test. */
static char *const put_strings[] = {
    "A=put", "C=c", "A", "=q", "", "B=", "HOME=/nowhere", "Z=1=2", "AB=ab", "X", "=", "a=lower"};

static void describe_env(char *out, size_t size, char **env) {
  size_t used = 0;
  out[0] = '\0';
  for (char **entry = env; entry && *entry && used + 1 < size; ++entry)
    used += (size_t)snprintf(out + used, size - used, "[%s]", *entry);
  if (used >= size)
    out[size - 1] = '\0';
}

static void compare_envs(const char *what, const char *step) {
  char ours[2048], theirs[2048];
  describe_env(ours, sizeof ours, libc_gpu_environ);
  describe_env(theirs, sizeof theirs, environ);
  check_case(strcmp(ours, theirs) == 0, what, step, ours, theirs);
  for (size_t i = 0; i < sizeof names / sizeof *names; ++i) {
    const char *a = libc_gpu_getenv(names[i]), *b = getenv(names[i]);
    char input[160];
    snprintf(input, sizeof input, "%s, then getenv(\"%s\")", step, names[i]);
    check_case(a && b ? strcmp(a, b) == 0 : a == b, "getenv", input, a ? a : "NULL",
               b ? b : "NULL");
  }
}

static void compare_result(const char *what, const char *step, int ours, int ours_errno, int theirs,
                           int theirs_errno) {
  char got[48], expected[48];
  snprintf(got, sizeof got, "%d errno %d", ours, ours == -1 ? ours_errno : 0);
  snprintf(expected, sizeof expected, "%d errno %d", theirs, theirs == -1 ? theirs_errno : 0);
  check_case(strcmp(got, expected) == 0, what, step, got, expected);
}

static void sequences(void) {
  /* Both start in arrays of their own, as a VM's boot environment: libc_gpu
   * must copy before it grows its array, and free neither. */
  static char *const initial[] = {"HOME=/root", "PATH=/bin", "A=1", "B=", "A=dup", "=weird", NULL};
  static char *ours_boot[8], *theirs_boot[8];
  for (int run = 0; run < RUNS; ++run) {
    size_t count = test_random_below(7);
    for (size_t i = 0; i < count; ++i)
      ours_boot[i] = theirs_boot[i] = initial[i];
    ours_boot[count] = theirs_boot[count] = NULL;
    libc_gpu_environ = run % 10 == 9 ? NULL : ours_boot;
    environ = run % 10 == 9 ? NULL : theirs_boot;
    for (int number = 0; number < STEPS; ++number) {
      char step[160];
      int ours, theirs, ours_errno, theirs_errno;
      const char *name = names[test_random_below(sizeof names / sizeof *names)];
      switch (test_random_below(4)) {
      case 0:
      case 1: {
        const char *value = values[test_random_below(sizeof values / sizeof *values)];
        int overwrite = (int)test_random_below(3);
        snprintf(step, sizeof step, "run %d step %d: setenv(\"%s\", \"%s\", %d)", run, number, name,
                 value, overwrite);
        libc_gpu_errno = errno = 0;
        ours = libc_gpu_setenv(name, value, overwrite);
        ours_errno = libc_gpu_errno;
        theirs = setenv(name, value, overwrite);
        theirs_errno = errno;
        compare_result("setenv", step, ours, ours_errno, theirs, theirs_errno);
        break;
      }
      case 2:
        snprintf(step, sizeof step, "run %d step %d: unsetenv(\"%s\")", run, number, name);
        libc_gpu_errno = errno = 0;
        ours = libc_gpu_unsetenv(name);
        ours_errno = libc_gpu_errno;
        theirs = unsetenv(name);
        theirs_errno = errno;
        compare_result("unsetenv", step, ours, ours_errno, theirs, theirs_errno);
        break;
      default: {
        char *entry = put_strings[test_random_below(sizeof put_strings / sizeof *put_strings)];
        snprintf(step, sizeof step, "run %d step %d: putenv(\"%s\")", run, number, entry);
        libc_gpu_errno = errno = 0;
        ours = libc_gpu_putenv(entry);
        ours_errno = libc_gpu_errno;
        theirs = putenv(entry);
        theirs_errno = errno;
        compare_result("putenv", step, ours, ours_errno, theirs, theirs_errno);
        break;
      }
      }
      compare_envs("environ", step);
    }
  }
  libc_gpu_setenv("NULL_VALUE", NULL, 1);
  const char *empty = libc_gpu_getenv("NULL_VALUE");
  check_case(empty && !*empty, "setenv", "a NULL value", empty ? empty : "NULL", "\"\"");
  libc_gpu_errno = 0;
  int result = libc_gpu_setenv(NULL, "v", 1);
  check_case(result == -1 && libc_gpu_errno == EINVAL, "setenv", "a NULL name", "", "-1 EINVAL");
  libc_gpu_errno = 0;
  result = libc_gpu_unsetenv(NULL);
  check_case(result == -1 && libc_gpu_errno == EINVAL, "unsetenv", "a NULL name", "", "-1 EINVAL");
}

static void replaced_values_stay(void) {
  libc_gpu_environ = NULL;
  libc_gpu_setenv("KEEP", "first", 1);
  const char *first = libc_gpu_getenv("KEEP");
  libc_gpu_setenv("KEEP", "second", 1);
  libc_gpu_unsetenv("KEEP");
  check_case(strcmp(first, "first") == 0, "setenv", "getenv's value after an overwrite and unset",
             first, "first");
  /* The same pair again is the same string, not a new one. */
  libc_gpu_setenv("KEEP", "first", 1);
  check_case(libc_gpu_getenv("KEEP") == first, "setenv", "the same NAME=value twice",
             "a new string", "the earlier one");
}

static void out_of_memory(void) {
  libc_gpu_environ = NULL;
  libc_gpu_setenv("BEFORE", "1", 1);
  char before[256];
  describe_env(before, sizeof before, libc_gpu_environ);
  /* Take every block the heap has, largest first. */
  static void *blocks[4096];
  size_t count = 0;
  for (size_t size = 1 << 20; size && count < 4096; size /= 2)
    while (count < 4096 && (blocks[count] = libc_gpu_malloc(size)) != NULL)
      ++count;
  libc_gpu_errno = 0;
  int result = libc_gpu_setenv("AFTER", "1", 1);
  check_case(result == -1 && libc_gpu_errno == ENOMEM, "setenv", "with the heap exhausted",
             result == -1 ? "-1" : "0", "-1 ENOMEM");
  /* putenv needs no copy of the string, but the array grows at times. */
  static char entries[64][16];
  int failed = 0;
  for (int i = 0; i < 64 && !failed; ++i) {
    snprintf(entries[i], sizeof entries[i], "P%d=x", i);
    libc_gpu_errno = 0;
    failed = libc_gpu_putenv(entries[i]) == -1;
  }
  check_case(failed && libc_gpu_errno == ENOMEM, "putenv", "with the heap exhausted",
             failed ? "-1" : "never failed", "-1 ENOMEM");
  for (int i = 0; i < 64; ++i) {
    char name[16];
    snprintf(name, sizeof name, "P%d", i);
    libc_gpu_unsetenv(name);
  }
  char after[256];
  describe_env(after, sizeof after, libc_gpu_environ);
  check_case(strcmp(before, after) == 0, "environ", "after the failures", after, before);
  while (count)
    libc_gpu_free(blocks[--count]);
  result = libc_gpu_setenv("AFTER", "1", 1);
  check_case(result == 0 && libc_gpu_getenv("AFTER"), "setenv", "once memory is back",
             result ? "-1" : "0", "0");
  libc_gpu_environ = NULL;
}

void env_vs_glibc(void) {
  /* A copy of the array: glibc's setenv reallocates the array it made
   * (time_vs_glibc's TZ went into one) even while environ points elsewhere,
   * so the array itself may be gone by the end. The entries stay. */
  size_t count = 0;
  while (environ && environ[count])
    ++count;
  char **saved = malloc((count + 1) * sizeof *saved);
  for (size_t i = 0; i <= count; ++i)
    saved[i] = i < count ? environ[i] : NULL;
  sequences();
  environ = saved;
  replaced_values_stay();
  out_of_memory();
}
