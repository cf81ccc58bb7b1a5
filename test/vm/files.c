// Files in 50 VMs, each in its own root: directories, text through fprintf and
// fgets, binary records through fwrite, fread, fseek and ftell, an update in
// place, append, ungetc, stat and utime, rename, a sorted directory listing,
// unlink and rmdir, the working directory, fds under stdio, and Linux's errno
// for each failure. Then the shell checks that every root holds exactly what
// its VM left, that VM k's files hold k, and that exit flushed an unclosed file.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 50 --root %t/root{vm} --console raw > %t.out
// RUN: sort %t.out | uniq -c | FileCheck %s --implicit-check-not=FAIL
// CHECK: 50 listing: . .. a.txt:8 b:4 c.txt:8
// CHECK-NEXT: 50 ok
// RUN: for k in $(seq 0 49); do (cd %t/root$k && find . | sort | tr '\n' ' '; echo); done \
// RUN:   | sort | uniq -c | FileCheck %s --check-prefix=TREE
// TREE: 50 . ./bin.dat ./data ./data/kept.txt ./data/unclosed.txt ./stamp {{$}}
// RUN: for k in $(seq 0 49); do grep -x "vm $k" %t/root$k/data/kept.txt && \
// RUN:   grep -x "unclosed $k" %t/root$k/data/unclosed.txt && \
// RUN:   test "$(stat -c %%s:%%Y %t/root$k/stamp)" = "0:1234567890" && echo same; done \
// RUN:   | grep -c same | FileCheck %s --check-prefix=CONTENTS
// CONTENTS: 50
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gpuvm.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

static int failures;

#define EXPECT(condition)                                                                          \
  do {                                                                                             \
    if (!(condition)) {                                                                            \
      printf("FAIL vm %u line %d: %s (errno %d)\n", gpuvm_vm_id(), __LINE__, #condition, errno);   \
      ++failures;                                                                                  \
    }                                                                                              \
  } while (0)

/* The call failed with exactly this errno. */
#define EXPECT_ERRNO(call, error)                                                                  \
  do {                                                                                             \
    errno = 0;                                                                                     \
    EXPECT((call) && errno == (error));                                                            \
  } while (0)

#define RECORDS 3000

static void text(unsigned k) {
  EXPECT(mkdir("data", 0755) == 0);
  EXPECT_ERRNO(mkdir("data", 0755) != 0, EEXIST);
  FILE *out = fopen("data/notes.txt", "w");
  EXPECT(out != NULL);
  EXPECT(fprintf(out, "vm %u\n", k) > 0);
  EXPECT(fputs("second line\n", out) >= 0);
  EXPECT(fclose(out) == 0);

  char line[64];
  FILE *in = fopen("/data/notes.txt", "r");
  EXPECT(in != NULL);
  char expected[32];
  snprintf(expected, sizeof expected, "vm %u\n", k);
  EXPECT(fgets(line, sizeof line, in) && strcmp(line, expected) == 0);
  /* A short buffer splits a line. */
  EXPECT(fgets(line, 7, in) && strcmp(line, "second") == 0);
  EXPECT(fgets(line, sizeof line, in) && strcmp(line, " line\n") == 0);
  EXPECT(fgets(line, sizeof line, in) == NULL && feof(in) && !ferror(in));
  /* Writing to a stream opened for reading fails with EBADF. */
  EXPECT_ERRNO(fputc('x', in) == EOF, EBADF);
  EXPECT(ferror(in));
  rewind(in);
  EXPECT(!feof(in) && !ferror(in) && ftell(in) == 0);
  EXPECT(fgetc(in) == 'v');
  EXPECT(ungetc('V', in) == 'V');
  EXPECT(ftell(in) == 0);
  EXPECT(getc(in) == 'V' && getc(in) == 'm');
  EXPECT(fclose(in) == 0);

  /* "a" starts at the end and writes there whatever the position. */
  FILE *append = fopen("data/notes.txt", "a");
  long size = (long)strlen(expected) + 12;
  EXPECT(append && ftell(append) == size);
  EXPECT(fputs("third\n", append) >= 0 && ftell(append) == size + 6);
  EXPECT(fclose(append) == 0);
  struct stat status;
  EXPECT(stat("data/notes.txt", &status) == 0 && status.st_size == size + 6);

  /* "x" refuses an existing file. */
  EXPECT_ERRNO(fopen("data/notes.txt", "wx") == NULL, EEXIST);
  EXPECT(rename("data/notes.txt", "data/kept.txt") == 0);
  EXPECT_ERRNO(stat("data/notes.txt", &status) != 0, ENOENT);
  /* Leaves "vm K" alone in the file, for the shell to check. */
  out = fopen("data/kept.txt", "w+");
  EXPECT(out && fprintf(out, "vm %u\n", k) > 0);
  EXPECT(fseek(out, 0, SEEK_SET) == 0 && fgets(line, sizeof line, out) &&
         strcmp(line, expected) == 0);
  EXPECT(fclose(out) == 0);
}

static void binary(unsigned k) {
  uint32_t *records = (uint32_t *)malloc(RECORDS * sizeof *records);
  uint32_t *back = (uint32_t *)malloc(RECORDS * sizeof *back);
  for (int i = 0; i < RECORDS; ++i)
    records[i] = k * 100000u + (uint32_t)i;
  FILE *out = fopen("bin.dat", "wb");
  /* One record at a time through the buffer, then the rest in one call. */
  for (int i = 0; i < 100; ++i)
    EXPECT(fwrite(&records[i], sizeof *records, 1, out) == 1);
  EXPECT(fwrite(records + 100, sizeof *records, RECORDS - 100, out) == RECORDS - 100);
  EXPECT(ftell(out) == RECORDS * 4);
  EXPECT(fclose(out) == 0);

  struct stat status;
  EXPECT(stat("bin.dat", &status) == 0 && status.st_size == RECORDS * 4);
  EXPECT(S_ISREG(status.st_mode) && !S_ISDIR(status.st_mode));
  time_t now = time(NULL);
  EXPECT(status.st_mtime <= now + 60 && status.st_mtime >= now - 60);
  EXPECT(status.st_mtim.tv_sec == status.st_mtime);

  FILE *in = fopen("bin.dat", "rb");
  EXPECT(fread(back, sizeof *back, RECORDS, in) == RECORDS);
  EXPECT(memcmp(back, records, RECORDS * sizeof *back) == 0);
  EXPECT(fread(back, sizeof *back, 1, in) == 0 && feof(in));
  EXPECT(fseek(in, 4 * 1500, SEEK_SET) == 0 && !feof(in));
  EXPECT(fread(back, sizeof *back, 10, in) == 10 && back[0] == records[1500] &&
         back[9] == records[1509]);
  EXPECT(ftell(in) == 4 * 1510);
  EXPECT(fseek(in, -8, SEEK_CUR) == 0 && fread(back, 4, 1, in) == 1 && back[0] == records[1508]);
  EXPECT(fseeko(in, -4, SEEK_END) == 0 && ftello(in) == 4 * (RECORDS - 1));
  EXPECT(fread(back, 4, 2, in) == 1 && back[0] == records[RECORDS - 1] && feof(in));
  EXPECT_ERRNO(fseek(in, -1, SEEK_SET) != 0, EINVAL);
  EXPECT(fclose(in) == 0);

  /* An update in place, reading on right after writing. */
  FILE *update = fopen("bin.dat", "r+b");
  uint32_t patch = 0xdeadbeef;
  EXPECT(fseek(update, 4 * 10, SEEK_SET) == 0 && fwrite(&patch, 4, 1, update) == 1);
  EXPECT(fread(back, 4, 1, update) == 1 && back[0] == records[11]);
  EXPECT(fclose(update) == 0);
  in = fopen("bin.dat", "rb");
  EXPECT(fread(back, 4, RECORDS, in) == RECORDS && back[10] == patch && back[9] == records[9] &&
         back[11] == records[11] && back[RECORDS - 1] == records[RECORDS - 1]);
  EXPECT(fclose(in) == 0);
  free(records);
  free(back);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void listing(void) {
  EXPECT(mkdir("list", 0755) == 0 && mkdir("list/b", 0700) == 0);
  fclose(fopen("list/c.txt", "w"));
  fclose(fopen("list/a.txt", "w"));
  DIR *dir = opendir("list");
  EXPECT(dir != NULL);
  char *names[8];
  int count = 0;
  struct dirent *entry;
  while (count < 8 && (entry = readdir(dir))) {
    names[count] = (char *)malloc(strlen(entry->d_name) + 8);
    if (entry->d_name[0] == '.')
      strcpy(names[count], entry->d_name);
    else
      sprintf(names[count], "%s:%d", entry->d_name, entry->d_type);
    ++count;
  }
  qsort(names, (size_t)count, sizeof names[0], by_name);
  printf("listing:");
  for (int i = 0; i < count; ++i) {
    printf(" %s", names[i]);
    free(names[i]);
  }
  printf("\n");
  rewinddir(dir);
  int again = 0;
  while (readdir(dir))
    ++again;
  EXPECT(again == count);
  EXPECT(closedir(dir) == 0);

  EXPECT_ERRNO(rmdir("list") != 0, ENOTEMPTY);
  EXPECT(unlink("list/a.txt") == 0 && remove("list/c.txt") == 0 && remove("list/b") == 0);
  EXPECT_ERRNO(unlink("list/a.txt") != 0, ENOENT);
  EXPECT(rmdir("list") == 0);
  EXPECT_ERRNO(opendir("list") == NULL, ENOENT);
}

static void timestamps(void) {
  fclose(fopen("stamp", "w"));
  struct utimbuf stamp = {.actime = 1000000000, .modtime = 1234567890};
  struct stat status;
  EXPECT(utime("stamp", &stamp) == 0);
  EXPECT(stat("stamp", &status) == 0 && status.st_mtime == 1234567890 &&
         status.st_atime == 1000000000);
  fclose(fopen("touched", "w"));
  EXPECT(utime("touched", &stamp) == 0 && utime("touched", NULL) == 0);
  time_t now = time(NULL);
  EXPECT(stat("touched", &status) == 0 && status.st_mtime >= now - 60 &&
         status.st_mtime <= now + 60);
  EXPECT(unlink("touched") == 0);
  EXPECT_ERRNO(utime("missing", NULL) != 0, ENOENT);
}

static void errors(void) {
  struct stat status;
  EXPECT_ERRNO(fopen("missing.txt", "r") == NULL, ENOENT);
  EXPECT_ERRNO(stat("missing.txt", &status) != 0, ENOENT);
  EXPECT_ERRNO(open("no-dir/file", O_WRONLY | O_CREAT, 0644) < 0, ENOENT);
  EXPECT_ERRNO(rename("missing.txt", "other.txt") != 0, ENOENT);
  EXPECT_ERRNO(rmdir("missing") != 0, ENOENT);
  EXPECT_ERRNO(fopen("", "r") == NULL, ENOENT);
  EXPECT_ERRNO(mkdir("data/kept.txt/sub", 0755) != 0, ENOTDIR);
  EXPECT_ERRNO(stat("data/kept.txt/x", &status) != 0, ENOTDIR);
  EXPECT_ERRNO(opendir("data/kept.txt") == NULL, ENOTDIR);
  EXPECT_ERRNO(rmdir("data/kept.txt") != 0, ENOTDIR);
  EXPECT_ERRNO(fopen("data", "w") == NULL, EISDIR);
  EXPECT_ERRNO(open("data", O_RDWR) < 0, EISDIR);
  EXPECT_ERRNO(unlink("data") != 0, EISDIR);
  EXPECT_ERRNO(fopen("data/kept.txt", "q") == NULL, EINVAL);
  char byte;
  EXPECT_ERRNO(read(99, &byte, 1) < 0, EBADF);
  EXPECT_ERRNO(close(99) != 0, EBADF);
  EXPECT_ERRNO(fcntl(99, F_GETFL) < 0, EBADF);
  EXPECT(access("data/kept.txt", R_OK | W_OK) == 0 && access("data", X_OK) == 0);
  EXPECT_ERRNO(access("missing.txt", F_OK) != 0, ENOENT);
}

static void descriptors(void) {
  int fd = creat("fd.txt", 0644);
  EXPECT(fd >= 3);
  EXPECT(write(fd, "abc", 3) == 3);
  EXPECT(fcntl(fd, F_GETFL) == O_WRONLY && fcntl(fd, F_GETFD) == 0);
  EXPECT(fcntl(fd, F_SETFL, O_NONBLOCK) == 0 && fcntl(fd, F_GETFL) == (O_WRONLY | O_NONBLOCK));
  EXPECT_ERRNO(fdopen(fd, "r") == NULL, EINVAL);
  FILE *stream = fdopen(fd, "w");
  EXPECT(stream && fileno(stream) == fd);
  EXPECT(fputs("def", stream) >= 0 && fclose(stream) == 0);
  EXPECT_ERRNO(write(fd, "x", 1) < 0, EBADF);

  char text[16] = {0};
  fd = open("fd.txt", O_RDONLY);
  EXPECT(read(fd, text, sizeof text) == 6 && strcmp(text, "abcdef") == 0);
  EXPECT(read(fd, text, sizeof text) == 0);
  EXPECT(lseek(fd, 2, SEEK_SET) == 2 && read(fd, text, 2) == 2 && memcmp(text, "cd", 2) == 0);
  struct stat status;
  EXPECT(fstat(fd, &status) == 0 && status.st_size == 6 && S_ISREG(status.st_mode));
  EXPECT(close(fd) == 0);
  EXPECT(unlink("fd.txt") == 0);

  /* The console: stdin is at its end, and nothing on it seeks. */
  EXPECT(read(STDIN_FILENO, text, 1) == 0 && getchar() == EOF && feof(stdin));
  EXPECT_ERRNO(lseek(STDOUT_FILENO, 0, SEEK_CUR) < 0, ESPIPE);
  EXPECT(fstat(STDOUT_FILENO, &status) == 0 && S_ISCHR(status.st_mode));
}

static void working_directory(unsigned k) {
  char where[64];
  EXPECT(getcwd(where, sizeof where) && strcmp(where, "/") == 0);
  EXPECT(chdir("data") == 0 && getcwd(where, sizeof where) && strcmp(where, "/data") == 0);
  FILE *in = fopen("kept.txt", "r");
  char line[32], expected[32];
  snprintf(expected, sizeof expected, "vm %u\n", k);
  EXPECT(in && fgets(line, sizeof line, in) && strcmp(line, expected) == 0);
  fclose(in);
  EXPECT(chdir("../data/./") == 0 && getcwd(where, sizeof where) && !strcmp(where, "/data"));
  EXPECT_ERRNO(chdir("kept.txt") != 0, ENOTDIR);
  EXPECT_ERRNO(chdir("missing") != 0, ENOENT);
  EXPECT_ERRNO(getcwd(where, 3) == NULL, ERANGE);
  char *allocated = getcwd(NULL, 0);
  EXPECT(allocated && strcmp(allocated, "/data") == 0);
  free(allocated);
  EXPECT(chdir("..") == 0 && getcwd(where, sizeof where) && strcmp(where, "/") == 0);
}

int main(void) {
  unsigned k = gpuvm_vm_id();
  text(k);
  binary(k);
  listing();
  timestamps();
  errors();
  descriptors();
  working_directory(k);
  /* Left open: exit must flush it. */
  FILE *unclosed = fopen("data/unclosed.txt", "w");
  EXPECT(unclosed && fprintf(unclosed, "unclosed %u\n", k) > 0);
  if (!failures)
    printf("ok\n");
  return failures != 0;
}
