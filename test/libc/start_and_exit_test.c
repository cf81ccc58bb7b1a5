/* A VM's life on the host: libc_gpu's __libc_start_main runs "VM programs"
 * against a stand-in kernel that records every console write and turns
 * lk_exit into a jump back here. Checks constructor/main/handler/destructor
 * order, stdout line buffering, unbuffered stderr, the exit status, and that
 * abort, _Exit and a failed assert flush nothing. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gpuvm/image.h>
#include <gpuvm/mailbox.h>
#include <lightkernel/syscall.h>

#include "check.h"
#include "libc_gpu_host.h"

int libc_gpu_atexit(void (*handler)(void));
_Noreturn void libc_gpu_exit(int status);
_Noreturn void libc_gpu__Exit(int status);
_Noreturn void libc_gpu_abort(void);
char *libc_gpu_getenv(const char *name);
extern char **libc_gpu_environ;
_Noreturn void libc_gpu___libc_start_main(int argc, char **argv, char **envp);
_Noreturn void libc_gpu___assert_fail(const char *expr, const char *file, unsigned line,
                                      const char *function);

/* ---------------------------------------------------- the stand-in kernel */

#define MAX_WRITES 64

static struct {
  int fd[MAX_WRITES];
  char text[MAX_WRITES][4096];
  int count;
} console;

static jmp_buf vm_ended;
static int exit_status, exit_kind;

long lk_write(int fd, const void *buf, size_t len) {
  if (fd != 1 && fd != 2)
    return -EBADF;
  if (console.count < MAX_WRITES && len < sizeof console.text[0]) {
    console.fd[console.count] = fd;
    memcpy(console.text[console.count], buf, len);
    console.text[console.count][len] = '\0';
  }
  ++console.count;
  return (long)len;
}

_Noreturn void lk_exit(int status, int kind) {
  exit_status = status;
  exit_kind = kind;
  longjmp(vm_ended, 1);
}

/* This VM has no files: stdio only reaches them through these. */
long lk_open(const char *path, int flags, int mode) {
  (void)path, (void)flags, (void)mode;
  return -ENOENT;
}
long lk_close(int fd) {
  (void)fd;
  return -EBADF;
}
long lk_read(int fd, void *buf, size_t len) {
  (void)fd, (void)buf, (void)len;
  return -EBADF;
}
long lk_lseek(int fd, long offset, int whence) {
  (void)fd, (void)offset, (void)whence;
  return -EBADF;
}
long lk_stat(const char *path, int follow_last_link, struct gpuvm_stat *out) {
  (void)path, (void)follow_last_link, (void)out;
  return -ENOENT;
}
long lk_fstat(int fd, struct gpuvm_stat *out) {
  (void)fd, (void)out;
  return -EBADF;
}
long lk_fcntl(int fd, int command, long argument) {
  (void)command, (void)argument;
  return fd >= 0 && fd <= 2 ? 0 : -EBADF;
}

void lk_heap_region(char **start, char **end) {
  static char heap[64 * 1024];
  *start = heap;
  *end = heap + sizeof heap;
}

uint32_t lk_vm_id(void) {
  return 0;
}
uint32_t lk_vm_count(void) {
  return 1;
}
void lk_yield(void) {}
void lk_signal_alarm(int64_t deadline_ns) {
  (void)deadline_ns;
}
int64_t lk_clock_realtime_ns(void) {
  return 0;
}
int64_t lk_clock_monotonic_ns(void) {
  return 0;
}
long lk_getrandom(void *buf, size_t len) {
  memset(buf, 0xa5, len);
  return (long)len;
}

/* ------------------------------------------------------ the image's parts */

static char order[256]; /* what ran, in order */

static void note(const char *event) {
  strncat(order, event, sizeof order - strlen(order) - 1);
}

static int destructor_prints;

static void constructor(void) {
  note("ctor ");
}
static void destructor(void) {
  note("dtor ");
  if (destructor_prints)
    libc_gpu_printf("[dtor]");
}

void (*const __gpuvm_ctors[])(void) = {constructor};
void (*const __gpuvm_dtors[])(void) = {destructor};
const struct gpuvm_image_info __gpuvm_image_info = {.ctor_count = 1, .dtor_count = 1};

/* ------------------------------------------------------ the VM programs */

static void (*vm_program)(void);
static int vm_result;

int libc_gpu_main(int argc, char **argv, char **envp) {
  (void)argc;
  (void)argv;
  (void)envp;
  note("main ");
  vm_program();
  return vm_result;
}

static void first_handler(void) {
  note("h1 ");
  libc_gpu_printf("[h1]");
}
static void late_handler(void) {
  note("late ");
  libc_gpu_printf("[late]");
}
static void second_handler(void) {
  note("h2 ");
  libc_gpu_printf("[h2]");
  libc_gpu_atexit(late_handler); /* registered while exiting: runs next */
}

static int console_is(int count, ...) {
  va_list args;
  va_start(args, count);
  int same = console.count == count;
  for (int i = 0; i < count && same; ++i) {
    int fd = va_arg(args, int);
    const char *text = va_arg(args, const char *);
    same = console.fd[i] == fd && !strcmp(console.text[i], text);
  }
  va_end(args);
  return same;
}

static void describe_console(char *out, size_t size) {
  out[0] = '\0';
  for (int i = 0; i < console.count && i < MAX_WRITES; ++i) {
    size_t used = strlen(out);
    snprintf(out + used, size - used, "%d:\"%.60s\" ", console.fd[i], console.text[i]);
  }
}

static void check_console(const char *scenario, int ok, const char *expected) {
  char seen[1024];
  describe_console(seen, sizeof seen);
  check_case(ok, "console writes", scenario, seen, expected);
}

static void ordinary_life(void) {
  char *home = libc_gpu_getenv("HOME");
  check_case(home && !strcmp(home, "/vm"), "getenv", "HOME", home ? home : "(null)", "/vm");
  check_case(libc_gpu_getenv("HOM") == NULL, "getenv", "HOM", "found", "(null)");
  void *block = libc_gpu_malloc(100);
  check_case(block != NULL, "malloc after start", "malloc(100)", "(null)", "a block");
  libc_gpu_free(block);

  libc_gpu_printf("hello ");
  check_console("stdout waits for a newline", console.count == 0, "(none)");
  libc_gpu_printf("world\n");
  libc_gpu_fprintf(libc_gpu_stderr, "e%d", 1);
  libc_gpu_puts("line");
  libc_gpu_fputs("a", libc_gpu_stdout);
  libc_gpu_fputc('b', libc_gpu_stdout);
  libc_gpu_fwrite("cd", 1, 2, libc_gpu_stdout);
  libc_gpu_putchar('\n');
  check_console("line buffering",
                console_is(4, 1, "hello world\n", 2, "e1", 1, "line\n", 1, "abcd\n"),
                "1:\"hello world\\n\" 2:\"e1\" 1:\"line\\n\" 1:\"abcd\\n\"");
  console.count = 0;
  libc_gpu_atexit(first_handler);
  libc_gpu_atexit(second_handler);
  destructor_prints = 1;
  libc_gpu_printf("tail");
  vm_result = 300;
}

static void aborting(void) {
  libc_gpu_printf("never flushed");
  libc_gpu_abort();
}

static void exiting_at_once(void) {
  libc_gpu_printf("never flushed");
  libc_gpu__Exit(3);
}

static void failing_assert(void) {
  libc_gpu_printf("never flushed");
  libc_gpu___assert_fail("x == 1", "file.c", 42, "int main(void)");
}

static void error_messages(void) {
  libc_gpu_errno = ENOENT;
  libc_gpu_perror("open");
  libc_gpu_errno = EACCES;
  libc_gpu_perror(NULL);
  libc_gpu_exit(0);
}

static char long_text[3001];

static void long_output(void) {
  memset(long_text, 'x', sizeof long_text - 1);
  libc_gpu_printf("%s\n", long_text);
  libc_gpu_setvbuf(libc_gpu_stdout, NULL, _IONBF, 0);
  libc_gpu_printf("u");
  libc_gpu_setvbuf(libc_gpu_stdout, NULL, _IOLBF, 0);
}

/* Runs one VM program from __libc_start_main to lk_exit. */
static void run_vm(void (*program)(void)) {
  static char *argv[] = {"vm", NULL};
  static char *envp[] = {"PATH=/bin", "HOME=/vm", NULL};
  vm_program = program;
  vm_result = 0;
  destructor_prints = 0;
  console.count = 0;
  order[0] = '\0';
  exit_status = exit_kind = -1;
  if (!setjmp(vm_ended))
    libc_gpu___libc_start_main(1, argv, envp);
}

/* A program that ended without flushing leaves its bytes in the buffer. */
static void drop_unflushed(void) {
  libc_gpu_fflush(libc_gpu_stdout);
  console.count = 0;
}

static void check_exit(const char *scenario, int status, int kind) {
  char ours[32], expected[32];
  snprintf(ours, sizeof ours, "status %d kind %d", exit_status, exit_kind);
  snprintf(expected, sizeof expected, "status %d kind %d", status, kind);
  check_case(exit_status == status && exit_kind == kind, "lk_exit", scenario, ours, expected);
}

int main(void) {
  run_vm(ordinary_life);
  check_case(!strcmp(order, "ctor main h2 late h1 dtor "), "order of events", "ordinary life",
             order, "ctor main h2 late h1 dtor ");
  check_console("exit flushes stdout last", console_is(1, 1, "tail[h2][late][h1][dtor]"),
                "1:\"tail[h2][late][h1][dtor]\"");
  check_exit("return 300 from main", 300 & 0xff, GPUVM_EXIT_NORMAL);
  check_case(libc_gpu_environ && !strcmp(libc_gpu_environ[0], "PATH=/bin"), "environ",
             "after start", "wrong", "PATH=/bin");

  run_vm(aborting);
  check_console("abort flushes nothing", console.count == 0, "(none)");
  check_exit("abort", 134, GPUVM_EXIT_ABORT);
  drop_unflushed();

  run_vm(exiting_at_once);
  check_console("_Exit flushes nothing", console.count == 0, "(none)");
  check_exit("_Exit(3)", 3, GPUVM_EXIT_NORMAL);
  drop_unflushed();

  run_vm(failing_assert);
  check_console("assert message",
                console_is(1, 2, "file.c:42: int main(void): Assertion `x == 1' failed.\n"),
                "2:\"file.c:42: int main(void): Assertion `x == 1' failed.\\n\"");
  check_exit("failed assert", 134, GPUVM_EXIT_ABORT);
  drop_unflushed();

  run_vm(error_messages);
  check_console("perror",
                console_is(2, 2, "open: No such file or directory\n", 2, "Permission denied\n"),
                "2:\"open: No such file or directory\\n\" 2:\"Permission denied\\n\"");
  check_exit("exit(0)", 0, GPUVM_EXIT_NORMAL);

  run_vm(long_output);
  char joined[4096] = "";
  for (int i = 0; i < console.count && i < MAX_WRITES; ++i)
    if (console.fd[i] == 1)
      strncat(joined, console.text[i], sizeof joined - strlen(joined) - 1);
  char expected[4096];
  snprintf(expected, sizeof expected, "%s\nu", long_text);
  check_case(!strcmp(joined, expected), "long line and unbuffered stdout", "3000 bytes + \"u\"",
             joined, "3000 x, newline, u");
  check_case(console.count >= 3, "a long line leaves in buffer-sized writes", "3000 bytes",
             "one write", "several");
  return check_summary();
}
