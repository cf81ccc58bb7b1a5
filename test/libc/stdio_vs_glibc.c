/* libc_gpu's stdio on files against glibc's: the same pseudo-random sequence
 * of reads, writes, pushbacks, seeks and flushes goes to a libc_gpu stream and
 * a glibc stream, each over its own copy of a file (the stand-in kernel hands
 * libc_gpu's file calls to Linux). Every result, errno after a failure, the
 * eof and error flags, and at the end both files must be the same. Switching
 * between reading and writing without a seek is included: the C standard
 * leaves it undefined, glibc defines it, and programs rely on it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gpuvm/mailbox.h>

#include "check.h"
#include "libc_gpu_host.h"
#include "vs_glibc.h"

#define RUNS 600
#define STEPS 80
#define MAX_CHUNK 3000

static const char *const modes[] = {"r", "r+", "w", "w+", "a", "a+", "rb+", "wx"};

struct pair {
  LIBC_GPU_FILE *ours;
  FILE *theirs;
  char ours_path[64];
  char theirs_path[64];
  char description[160]; /* the run and its last step, for a report */
};

static void check_value(struct pair *p, const char *what, long ours, long theirs) {
  char got[32], expected[32];
  snprintf(got, sizeof got, "%ld", ours);
  snprintf(expected, sizeof expected, "%ld", theirs);
  check_case(ours == theirs, what, p->description, got, expected);
}

/* After a call that may fail: its result, errno when it failed, the flags. */
static void check_outcome(struct pair *p, const char *what, long ours, long theirs, int failed,
                          int ours_errno, int theirs_errno) {
  check_value(p, what, ours, theirs);
  if (failed)
    check_value(p, "errno", ours_errno, theirs_errno);
  check_value(p, "feof", libc_gpu_feof(p->ours) != 0, feof(p->theirs) != 0);
  check_value(p, "ferror", libc_gpu_ferror(p->ours) != 0, ferror(p->theirs) != 0);
}

/* Text with newlines, so that fgets has lines to find. */
static void random_bytes(char *out, size_t size) {
  static const char alphabet[] = "abcdefgh\n\n\0\xff";
  for (size_t i = 0; i < size; ++i)
    out[i] = alphabet[test_random_below(sizeof alphabet - 1)];
}

static void write_host_file(const char *path, const char *data, size_t size) {
  FILE *out = fopen(path, "wb");
  fwrite(data, 1, size, out);
  fclose(out);
}

static size_t read_host_file(const char *path, char *data, size_t capacity) {
  FILE *in = fopen(path, "rb");
  if (!in)
    return (size_t)-1;
  size_t size = fread(data, 1, capacity, in);
  fclose(in);
  return size;
}

static char ours_data[MAX_CHUNK + 1], theirs_data[MAX_CHUNK + 1], chunk[MAX_CHUNK];

static void step(struct pair *p, int run, int number) {
  size_t size = test_random_below(MAX_CHUNK);
  long ours, theirs;
  int ours_errno, theirs_errno;
#define BOTH(ours_call, theirs_call)                                                               \
  do {                                                                                             \
    libc_gpu_errno = 0;                                                                            \
    errno = 0;                                                                                     \
    ours = (long)(ours_call);                                                                      \
    ours_errno = libc_gpu_errno;                                                                   \
    theirs = (long)(theirs_call);                                                                  \
    theirs_errno = errno;                                                                          \
  } while (0)
  switch (test_random_below(12)) {
  case 0:
    snprintf(p->description, sizeof p->description, "run %d step %d: fread %zu", run, number, size);
    BOTH(libc_gpu_fread(ours_data, 1, size, p->ours), fread(theirs_data, 1, size, p->theirs));
    check_outcome(p, "fread", ours, theirs, ours < (long)size, ours_errno, theirs_errno);
    check_value(p, "fread bytes", memcmp(ours_data, theirs_data, (size_t)theirs) == 0, 1);
    break;
  case 1:
    random_bytes(chunk, size);
    snprintf(p->description, sizeof p->description, "run %d step %d: fwrite %zu", run, number,
             size);
    BOTH(libc_gpu_fwrite(chunk, 1, size, p->ours), fwrite(chunk, 1, size, p->theirs));
    check_outcome(p, "fwrite", ours, theirs, ours < (long)size, ours_errno, theirs_errno);
    break;
  case 2:
    snprintf(p->description, sizeof p->description, "run %d step %d: fgetc", run, number);
    BOTH(libc_gpu_fgetc(p->ours), fgetc(p->theirs));
    check_outcome(p, "fgetc", ours, theirs, ours == EOF, ours_errno, theirs_errno);
    break;
  case 3: {
    /* One character back, then read again: what every libc guarantees. */
    int pushed = (int)test_random_below(256);
    snprintf(p->description, sizeof p->description, "run %d step %d: fgetc, ungetc %d, fgetc", run,
             number, pushed);
    BOTH(libc_gpu_fgetc(p->ours), fgetc(p->theirs));
    check_outcome(p, "fgetc", ours, theirs, ours == EOF, ours_errno, theirs_errno);
    if (ours == EOF || theirs == EOF)
      break;
    BOTH(libc_gpu_ungetc(pushed, p->ours), ungetc(pushed, p->theirs));
    check_outcome(p, "ungetc", ours, theirs, ours == EOF, ours_errno, theirs_errno);
    BOTH(libc_gpu_ftell(p->ours), ftell(p->theirs));
    check_outcome(p, "ftell after ungetc", ours, theirs, ours < 0, ours_errno, theirs_errno);
    BOTH(libc_gpu_fgetc(p->ours), fgetc(p->theirs));
    check_outcome(p, "fgetc after ungetc", ours, theirs, ours == EOF, ours_errno, theirs_errno);
    break;
  }
  case 4: {
    int limit = (int)test_random_below(300);
    snprintf(p->description, sizeof p->description, "run %d step %d: fgets %d", run, number, limit);
    /* The same bytes around both lines, so that whole buffers compare. */
    memset(ours_data, 0x5a, sizeof ours_data);
    memset(theirs_data, 0x5a, sizeof theirs_data);
    libc_gpu_errno = 0;
    errno = 0;
    char *ours_line = libc_gpu_fgets(ours_data, limit, p->ours);
    ours_errno = libc_gpu_errno;
    char *theirs_line = fgets(theirs_data, limit, p->theirs);
    theirs_errno = errno;
    check_outcome(p, "fgets", ours_line != NULL, theirs_line != NULL, !ours_line, ours_errno,
                  theirs_errno);
    check_value(p, "fgets bytes", memcmp(ours_data, theirs_data, sizeof ours_data) == 0, 1);
    break;
  }
  case 5: {
    int ch = (int)test_random_below(256);
    snprintf(p->description, sizeof p->description, "run %d step %d: fputc %d", run, number, ch);
    BOTH(libc_gpu_fputc(ch, p->ours), fputc(ch, p->theirs));
    check_outcome(p, "fputc", ours, theirs, ours == EOF, ours_errno, theirs_errno);
    break;
  }
  case 6: {
    long value = (long)test_random();
    snprintf(p->description, sizeof p->description, "run %d step %d: fprintf %ld", run, number,
             value);
    BOTH(libc_gpu_fprintf(p->ours, "%ld:%s\n", value, "text"),
         fprintf(p->theirs, "%ld:%s\n", value, "text"));
    check_outcome(p, "fprintf", ours, theirs, ours < 0, ours_errno, theirs_errno);
    break;
  }
  case 7: {
    int whence = (int)test_random_below(3);
    long offset = (long)test_random_below(8000) - (whence == SEEK_SET ? 10 : 4000);
    snprintf(p->description, sizeof p->description, "run %d step %d: fseek %ld, %d", run, number,
             offset, whence);
    BOTH(libc_gpu_fseek(p->ours, offset, whence), fseek(p->theirs, offset, whence));
    check_outcome(p, "fseek", ours, theirs, ours != 0, ours_errno, theirs_errno);
    break;
  }
  case 8:
    snprintf(p->description, sizeof p->description, "run %d step %d: ftell", run, number);
    BOTH(libc_gpu_ftell(p->ours), ftell(p->theirs));
    check_outcome(p, "ftell", ours, theirs, ours < 0, ours_errno, theirs_errno);
    break;
  case 9:
    snprintf(p->description, sizeof p->description, "run %d step %d: fflush", run, number);
    BOTH(libc_gpu_fflush(p->ours), fflush(p->theirs));
    check_outcome(p, "fflush", ours, theirs, ours != 0, ours_errno, theirs_errno);
    break;
  case 10:
    snprintf(p->description, sizeof p->description, "run %d step %d: rewind", run, number);
    libc_gpu_rewind(p->ours);
    rewind(p->theirs);
    check_outcome(p, "rewind", 0, 0, 0, 0, 0);
    break;
  default:
    snprintf(p->description, sizeof p->description, "run %d step %d: clearerr", run, number);
    libc_gpu_clearerr(p->ours);
    clearerr(p->theirs);
    check_outcome(p, "clearerr", 0, 0, 0, 0, 0);
    break;
  }
#undef BOTH
}

extern unsigned long lk_write_requests, lk_read_requests;

/* A default stream buffer holds what one request to the host carries, so
 * that writing or reading a file byte by byte costs one request per
 * GPUVM_MAILBOX_PAYLOAD bytes (plus the read that meets the end); a
 * 1024-byte buffer cost two per refill. */
static void requests_per_buffer(const char *path) {
  enum { BUFFERS = 3 };
  LIBC_GPU_FILE *out = libc_gpu_fopen(path, "w");
  unsigned long writes = lk_write_requests;
  for (unsigned i = 0; out && i < BUFFERS * GPUVM_MAILBOX_PAYLOAD; ++i)
    libc_gpu_fputc('a' + i % 26, out);
  if (out)
    libc_gpu_fclose(out);
  char counted[32];
  snprintf(counted, sizeof counted, "%lu", lk_write_requests - writes);
  check_case(out && lk_write_requests - writes == BUFFERS, "writes for 3 buffers of bytes", path,
             counted, "3");
  LIBC_GPU_FILE *in = libc_gpu_fopen(path, "r");
  unsigned long reads = lk_read_requests;
  while (in && libc_gpu_fgetc(in) != EOF) {
  }
  if (in)
    libc_gpu_fclose(in);
  snprintf(counted, sizeof counted, "%lu", lk_read_requests - reads);
  check_case(in && lk_read_requests - reads == BUFFERS + 1, "reads for 3 buffers of bytes", path,
             counted, "4");
  unlink(path);
}

void stdio_vs_glibc(void) {
  char directory[] = "/tmp/libc_gpu_stdio_XXXXXX";
  if (!mkdtemp(directory)) {
    check_case(0, "mkdtemp", directory, strerror(errno), "a directory");
    return;
  }
  char counted_path[64];
  snprintf(counted_path, sizeof counted_path, "%s/counted", directory);
  requests_per_buffer(counted_path);
  struct pair p;
  snprintf(p.ours_path, sizeof p.ours_path, "%s/ours", directory);
  snprintf(p.theirs_path, sizeof p.theirs_path, "%s/theirs", directory);
  static char initial[2 * MAX_CHUNK], ours_file[64 * MAX_CHUNK], theirs_file[64 * MAX_CHUNK];
  for (int run = 0; run < RUNS; ++run) {
    const char *mode = modes[test_random_below(sizeof modes / sizeof modes[0])];
    size_t initial_size = test_random_below(sizeof initial);
    random_bytes(initial, initial_size);
    /* Now and then there is no file to start from. */
    unlink(p.ours_path);
    unlink(p.theirs_path);
    if (test_random_below(8)) {
      write_host_file(p.ours_path, initial, initial_size);
      write_host_file(p.theirs_path, initial, initial_size);
    }
    snprintf(p.description, sizeof p.description, "run %d: fopen \"%s\"", run, mode);
    libc_gpu_errno = 0;
    errno = 0;
    p.ours = libc_gpu_fopen(p.ours_path, mode);
    int ours_errno = libc_gpu_errno;
    p.theirs = fopen(p.theirs_path, mode);
    check_value(&p, "fopen", p.ours != NULL, p.theirs != NULL);
    if (!p.ours || !p.theirs) {
      check_value(&p, "fopen errno", ours_errno, errno);
      if (p.ours)
        libc_gpu_fclose(p.ours);
      if (p.theirs)
        fclose(p.theirs);
      continue;
    }
    /* Buffering changes when bytes move, never what a program sees. */
    int buffering = (int)test_random_below(4);
    if (buffering < 3) {
      size_t buffer_size = 1 + test_random_below(2 * MAX_CHUNK);
      libc_gpu_setvbuf(p.ours, NULL, buffering, buffer_size);
      setvbuf(p.theirs, NULL, buffering, buffer_size);
    }
    for (int number = 0; number < STEPS; ++number)
      step(&p, run, number);
    snprintf(p.description, sizeof p.description, "run %d: fclose", run);
    check_value(&p, "fclose", libc_gpu_fclose(p.ours), fclose(p.theirs));
    size_t ours_size = read_host_file(p.ours_path, ours_file, sizeof ours_file);
    size_t theirs_size = read_host_file(p.theirs_path, theirs_file, sizeof theirs_file);
    check_value(&p, "file size", (long)ours_size, (long)theirs_size);
    check_value(&p, "file bytes",
                ours_size == theirs_size && memcmp(ours_file, theirs_file, ours_size) == 0, 1);
  }
  unlink(p.ours_path);
  unlink(p.theirs_path);
  rmdir(directory);
}
