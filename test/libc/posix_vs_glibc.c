/* libc_gpu's smaller POSIX pieces against glibc's: getline and getdelim
 * over generated files (lines longer than any first buffer, other
 * delimiters, NUL bytes, no final newline), dprintf and vdprintf into files,
 * the XSI strerror_r (glibc's __xpg_strerror_r) for every errno value and
 * buffer size, fgetpos and fsetpos amid reads and seeks, isatty, and the
 * sysconf values that mean the same on a VM as on Linux. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "libc_gpu_host.h"
#include "vs_glibc.h"

int __xpg_strerror_r(int error_number, char *out, size_t size);

static void check_numbers(const char *what, const char *where, long ours, long theirs) {
  char got[32], expected[32];
  snprintf(got, sizeof got, "%ld", ours);
  snprintf(expected, sizeof expected, "%ld", theirs);
  check_case(ours == theirs, what, where, got, expected);
}

static char directory[] = "/tmp/libc_gpu_posix_XXXXXX";
static char path[64], other_path[64];

static void write_file(const char *file, const char *data, size_t size) {
  FILE *out = fopen(file, "wb");
  fwrite(data, 1, size, out);
  fclose(out);
}

static char content[20000];

static void lines(void) {
  for (int run = 0; run < 300; ++run) {
    size_t size = test_random_below(run % 10 == 0 ? sizeof content : 400);
    int long_lines = test_random_below(3) == 0;
    for (size_t i = 0; i < size; ++i) {
      uint64_t pick = test_random_below(long_lines ? 400 : 12);
      content[i] = pick == 0 ? '\n' : pick == 1 ? ',' : pick == 2 ? '\0' : (char)('a' + pick % 26);
    }
    write_file(path, content, size);
    LIBC_GPU_FILE *ours_stream = libc_gpu_fopen(path, "r");
    FILE *theirs_stream = fopen(path, "r");
    int delimiter = test_random_below(3) == 0 ? ',' : test_random_below(4) == 0 ? '\0' : '\n';
    /* Each library starts with no buffer, or a small one of its own. */
    char *ours = NULL, *theirs = NULL;
    size_t ours_size = 0, theirs_size = 0;
    if (test_random_below(2)) {
      ours_size = theirs_size = 1 + test_random_below(8);
      ours = libc_gpu_malloc(ours_size);
      theirs = malloc(theirs_size);
    }
    for (int line = 0;; ++line) {
      char where[96];
      snprintf(where, sizeof where, "run %d (%zu bytes, delimiter %d) line %d", run, size,
               delimiter, line);
      libc_gpu_errno = 0;
      errno = 0;
      ssize_t ours_length, theirs_length;
      if (delimiter == '\n') {
        ours_length = libc_gpu_getline(&ours, &ours_size, ours_stream);
        theirs_length = getline(&theirs, &theirs_size, theirs_stream);
      } else {
        ours_length = libc_gpu_getdelim(&ours, &ours_size, delimiter, ours_stream);
        theirs_length = getdelim(&theirs, &theirs_size, delimiter, theirs_stream);
      }
      check_numbers("getline result", where, ours_length, theirs_length);
      if (ours_length != theirs_length)
        break;
      if (ours_length < 0) {
        check_numbers("getline errno", where, libc_gpu_errno, errno);
        check_numbers("getline feof", where, libc_gpu_feof(ours_stream) != 0,
                      feof(theirs_stream) != 0);
        break;
      }
      check_case(memcmp(ours, theirs, (size_t)ours_length + 1) == 0 &&
                     ours_size > (size_t)ours_length,
                 "getline text", where, "differs or no room for the NUL", "glibc's line");
      check_numbers("ftell after getline", where, libc_gpu_ftell(ours_stream),
                    ftell(theirs_stream));
    }
    libc_gpu_free(ours);
    free(theirs);
    libc_gpu_fclose(ours_stream);
    fclose(theirs_stream);
  }
  size_t size = 0;
  char *line = NULL;
  LIBC_GPU_FILE *stream = libc_gpu_fopen(path, "r");
  libc_gpu_errno = 0;
  check_case(libc_gpu_getline(NULL, &size, stream) == -1 && libc_gpu_errno == EINVAL, "getline",
             "a NULL line", "", "-1, EINVAL");
  libc_gpu_errno = 0;
  check_case(libc_gpu_getline(&line, NULL, stream) == -1 && libc_gpu_errno == EINVAL, "getline",
             "a NULL size", "", "-1, EINVAL");
  libc_gpu_fclose(stream);
  /* At the end at once: -1, but the buffer is there, as glibc leaves it. */
  write_file(path, "", 0);
  stream = libc_gpu_fopen(path, "r");
  check_case(libc_gpu_getline(&line, &size, stream) == -1 && line && size > 0, "getline",
             "an empty file", "", "-1 and a buffer");
  libc_gpu_free(line);
  libc_gpu_fclose(stream);
}

static size_t read_file(const char *file, char *out, size_t capacity) {
  FILE *in = fopen(file, "rb");
  size_t size = fread(out, 1, capacity, in);
  fclose(in);
  return size;
}

static int ours_vdprintf(int fd, const char *format, ...) {
  va_list args;
  va_start(args, format);
  int result = libc_gpu_vdprintf(fd, format, args);
  va_end(args);
  return result;
}

static int theirs_vdprintf(int fd, const char *format, ...) {
  va_list args;
  va_start(args, format);
  int result = vdprintf(fd, format, args);
  va_end(args);
  return result;
}

static void fd_printing(void) {
  int ours_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int theirs_fd = open(other_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  for (int i = 0; i < 2000; ++i) {
    int value = (int)test_random() >> test_random_below(32);
    double real = (double)value / 7.0;
    int width = (int)test_random_below(i % 100 == 0 ? 3000 : 20);
    const char *text = i % 3 ? "text" : "";
    char where[64];
    snprintf(where, sizeof where, "call %d", i);
    int ours, theirs;
    if (i % 2) {
      ours = libc_gpu_dprintf(ours_fd, "%*d|%s|%.3g|%x\n", width, value, text, real, value);
      theirs = dprintf(theirs_fd, "%*d|%s|%.3g|%x\n", width, value, text, real, value);
    } else {
      ours = ours_vdprintf(ours_fd, "%-*s.%e%%\n", width, text, real);
      theirs = theirs_vdprintf(theirs_fd, "%-*s.%e%%\n", width, text, real);
    }
    check_numbers("dprintf result", where, ours, theirs);
  }
  close(ours_fd);
  close(theirs_fd);
  static char ours_text[200000], theirs_text[200000];
  size_t ours_size = read_file(path, ours_text, sizeof ours_text);
  size_t theirs_size = read_file(other_path, theirs_text, sizeof theirs_text);
  check_case(ours_size == theirs_size && memcmp(ours_text, theirs_text, ours_size) == 0,
             "dprintf output", "2000 calls", "differs", "glibc's file");
  libc_gpu_errno = 0;
  errno = 0;
  int ours = libc_gpu_dprintf(999, "x%d", 1);
  int ours_errno = libc_gpu_errno;
  int theirs = dprintf(999, "x%d", 1);
  check_numbers("dprintf on a bad fd", "fd 999", ours, theirs);
  check_numbers("dprintf errno on a bad fd", "fd 999", ours_errno, errno);
}

static void error_strings(void) {
  static const size_t sizes[] = {0, 1, 2, 5, 10, 16, 20, 24, 64, 1024};
  for (int number = -3; number <= 300; ++number)
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; ++i) {
      int error_number = number == 300 ? -2147483647 - 1 : number == 299 ? 2147483647 : number;
      char ours[1024], theirs[1024];
      memset(ours, 0x5a, sizeof ours);
      memset(theirs, 0x5a, sizeof theirs);
      int ours_result = libc_gpu_strerror_r(error_number, ours, sizes[i]);
      int theirs_result = __xpg_strerror_r(error_number, theirs, sizes[i]);
      char where[48];
      snprintf(where, sizeof where, "error %d, size %zu", error_number, sizes[i]);
      check_numbers("strerror_r result", where, ours_result, theirs_result);
      check_case(memcmp(ours, theirs, sizeof ours) == 0, "strerror_r text", where,
                 sizes[i] ? ours : "", sizes[i] ? theirs : "");
    }
}

static void positions(void) {
  for (size_t i = 0; i < 5000; ++i)
    content[i] = (char)('a' + i % 23);
  write_file(path, content, 5000);
  for (int run = 0; run < 50; ++run) {
    LIBC_GPU_FILE *ours = libc_gpu_fopen(path, "r");
    FILE *theirs = fopen(path, "r");
    libc_gpu_fpos_t ours_saved;
    fpos_t theirs_saved;
    int saved = 0;
    for (int step = 0; step < 40; ++step) {
      char where[48];
      snprintf(where, sizeof where, "run %d step %d", run, step);
      switch (test_random_below(4)) {
      case 0: {
        size_t count = test_random_below(3000);
        char ours_data[3000], theirs_data[3000];
        check_numbers("fread", where, (long)libc_gpu_fread(ours_data, 1, count, ours),
                      (long)fread(theirs_data, 1, count, theirs));
        break;
      }
      case 1: {
        long offset = (long)test_random_below(6000);
        check_numbers("fseek", where, libc_gpu_fseek(ours, offset, SEEK_SET),
                      fseek(theirs, offset, SEEK_SET));
        break;
      }
      case 2:
        check_numbers("fgetpos", where, libc_gpu_fgetpos(ours, &ours_saved),
                      fgetpos(theirs, &theirs_saved));
        saved = 1;
        break;
      default:
        if (saved)
          check_numbers("fsetpos", where, libc_gpu_fsetpos(ours, &ours_saved),
                        fsetpos(theirs, &theirs_saved));
        break;
      }
      check_numbers("ftell", where, libc_gpu_ftell(ours), ftell(theirs));
      check_numbers("feof", where, libc_gpu_feof(ours) != 0, feof(theirs) != 0);
    }
    check_numbers("next character", "after the run", libc_gpu_fgetc(ours), fgetc(theirs));
    libc_gpu_fclose(ours);
    fclose(theirs);
  }
}

static void terminals_and_limits(void) {
  int fd = open(path, O_RDONLY);
  libc_gpu_errno = 0;
  errno = 0;
  check_numbers("isatty on a file", path, libc_gpu_isatty(fd), isatty(fd));
  check_numbers("isatty errno on a file", path, libc_gpu_errno, errno);
  close(fd);
  libc_gpu_errno = 0;
  errno = 0;
  check_numbers("isatty on a bad fd", "fd 999", libc_gpu_isatty(999), isatty(999));
  check_numbers("isatty errno on a bad fd", "fd 999", libc_gpu_errno, errno);
  for (int console = 0; console < 3; ++console) {
    libc_gpu_errno = 0;
    check_case(libc_gpu_isatty(console) == 0 && libc_gpu_errno == ENOTTY, "isatty", "the console",
               "", "0, ENOTTY (a VM has no terminal)");
  }
  static const int same_as_linux[] = {_SC_PAGESIZE, _SC_PAGE_SIZE, _SC_CLK_TCK, _SC_LINE_MAX,
                                      _SC_HOST_NAME_MAX};
  for (size_t i = 0; i < sizeof same_as_linux / sizeof *same_as_linux; ++i) {
    char where[16];
    snprintf(where, sizeof where, "name %d", same_as_linux[i]);
    check_numbers("sysconf", where, libc_gpu_sysconf(same_as_linux[i]), sysconf(same_as_linux[i]));
  }
  check_numbers("sysconf", "_SC_NPROCESSORS_ONLN", libc_gpu_sysconf(_SC_NPROCESSORS_ONLN), 1);
  check_numbers("sysconf", "_SC_NPROCESSORS_CONF", libc_gpu_sysconf(_SC_NPROCESSORS_CONF), 1);
  check_numbers("sysconf", "_SC_OPEN_MAX", libc_gpu_sysconf(_SC_OPEN_MAX), 65536);
  check_numbers("sysconf", "_SC_IOV_MAX", libc_gpu_sysconf(_SC_IOV_MAX), sysconf(_SC_IOV_MAX));
  libc_gpu_errno = 0;
  errno = 0;
  check_numbers("sysconf", "an unknown name", libc_gpu_sysconf(99999), sysconf(99999));
  check_numbers("sysconf errno", "an unknown name", libc_gpu_errno, errno);
}

void posix_vs_glibc(void) {
  if (!mkdtemp(directory)) {
    check_case(0, "mkdtemp", directory, strerror(errno), "a directory");
    return;
  }
  snprintf(path, sizeof path, "%s/file", directory);
  snprintf(other_path, sizeof other_path, "%s/other", directory);
  lines();
  fd_printing();
  error_strings();
  positions();
  terminals_and_limits();
  unlink(path);
  unlink(other_path);
  rmdir(directory);
}
