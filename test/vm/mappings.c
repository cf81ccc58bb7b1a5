// mmap, munmap, msync, mprotect and madvise in a VM give what Linux gives
// for anonymous memory, private and shared file mappings, offsets, partial
// unmapping and errors: the same program runs natively in a scratch
// directory and in 50 VMs with their own roots, and every output must equal
// Linux's line for line. MAP_FIXED, which a VM cannot honour, is checked in
// the VM alone.
// RUN: rm -rf %t && mkdir -p %t/native %t/logs
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/linux && cd %t/native && %t/linux > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 50 --mem-per-vm 2M --root %t/root{vm} --log-dir %t/logs 2> %t/err
// RUN: FileCheck %s --check-prefix=SCALE < %t/err
// SCALE: 50 exited with status 0
// RUN: diff %t/expected %t/logs/vm-0.out
// RUN: md5sum < %t/expected | cut -d' ' -f1 > %t/expected.md5
// RUN: find %t/logs -name 'vm-*.out' -exec md5sum {} + | cut -d' ' -f1 | sort | uniq -c \
// RUN:   | FileCheck %s --check-prefix=LOGS -DSUM=$(cat %t/expected.md5)
// LOGS: {{^ *}}50 [[SUM]]{{$}}
// LOGS-NOT: {{.}}
// RUN: FileCheck %s < %t/expected
// RUN: %gpuvm run %t/host.img --vms 1 --root %t/fixed -- fixed | FileCheck %s --check-prefix=FIXED
// FIXED: MAP_FIXED: ENOMEM
// CHECK: anonymous: aligned 1, zeros 1, kept 1, munmap 0
// CHECK: private: file bytes 1, zeros past the end 1, file untouched 1
// CHECK: shared: after msync 1, after munmap 1, size 5000
// CHECK: offset: from 4096 1
// CHECK: partial: first 1, last 1, hole msync ENOMEM, rest munmap 0
// CHECK: dontneed: anonymous zeros 1, private file back 1
// CHECK: errors: length EINVAL, type EINVAL, offset EINVAL, fd EBADF, read-only shared EACCES, pipe ENODEV, msync flags EINVAL, msync unaligned EINVAL, msync unmapped ENOMEM, munmap unaligned EINVAL, munmap unmapped 0, madvise EINVAL, mprotect 0
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define PAGE 4096

static const char *error_name(int error) {
  switch (error) {
  case EINVAL:
    return "EINVAL";
  case EBADF:
    return "EBADF";
  case EACCES:
    return "EACCES";
  case ENODEV:
    return "ENODEV";
  case ENOMEM:
    return "ENOMEM";
  default:
    return "other";
  }
}

static char pattern(size_t i) {
  return (char)('a' + (i * 7 + i / 13) % 26);
}

static void make_file(const char *path, size_t size) {
  int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);
  for (size_t i = 0; i < size; ++i) {
    char c = pattern(i);
    write(fd, &c, 1);
  }
  close(fd);
}

static int matches(const char *p, size_t from, size_t length) {
  for (size_t i = 0; i < length; ++i)
    if (p[i] != pattern(from + i))
      return 0;
  return 1;
}

static int all_zero(const char *p, size_t length) {
  for (size_t i = 0; i < length; ++i)
    if (p[i])
      return 0;
  return 1;
}

static void anonymous(void) {
  char *p = mmap(NULL, 10000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  int zeros = all_zero(p, 10000);
  memset(p, 'x', 10000);
  int kept = p[9999] == 'x';
  printf("anonymous: aligned %d, zeros %d, kept %d, munmap %d\n", (uintptr_t)p % PAGE == 0, zeros,
         kept, munmap(p, 10000));
}

static void file_mappings(void) {
  make_file("data", 5000);
  int fd = open("data", O_RDWR);
  char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  int bytes = matches(p, 0, 5000);
  int zeros = all_zero(p + 5000, 2 * PAGE - 5000);
  p[0] = '#';
  char first;
  pread(fd, &first, 1, 0);
  printf("private: file bytes %d, zeros past the end %d, file untouched %d\n", bytes, zeros,
         first == pattern(0));
  munmap(p, 2 * PAGE);

  char *s = mmap(NULL, 5000, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  memcpy(s + 10, "0123456789", 10);
  msync(s, 5000, MS_SYNC);
  char back[10];
  pread(fd, back, 10, 10);
  int synced = memcmp(back, "0123456789", 10) == 0;
  memcpy(s + 4990, "ABCDEFGHIJ", 10);
  munmap(s, 5000);
  pread(fd, back, 10, 4990);
  struct stat st;
  fstat(fd, &st);
  printf("shared: after msync %d, after munmap %d, size %ld\n", synced,
         memcmp(back, "ABCDEFGHIJ", 10) == 0, (long)st.st_size);
  close(fd);

  make_file("offset", 3 * PAGE);
  fd = open("offset", O_RDONLY);
  char *o = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, PAGE);
  printf("offset: from 4096 %d\n", matches(o, PAGE, PAGE));
  munmap(o, PAGE);
  close(fd);
}

static void partial(void) {
  char *p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  memset(p, 'y', 3 * PAGE);
  munmap(p + PAGE, PAGE);
  p[0] = 'a';
  p[3 * PAGE - 1] = 'z';
  char first = p[0], second = p[1], last = p[3 * PAGE - 1], third = p[2 * PAGE];
  errno = 0;
  msync(p + PAGE, PAGE, MS_ASYNC);
  const char *hole = error_name(errno);
  int rest = munmap(p, 3 * PAGE);
  printf("partial: first %d, last %d, hole msync %s, rest munmap %d\n",
         first == 'a' && second == 'y', last == 'z' && third == 'y', hole, rest);
}

static void dontneed(void) {
  char *a = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  memset(a, 'q', PAGE);
  madvise(a, PAGE, MADV_DONTNEED);
  int zeros = all_zero(a, PAGE);
  munmap(a, PAGE);
  int fd = open("offset", O_RDONLY);
  char *f = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  memset(f, 'q', PAGE);
  madvise(f, PAGE, MADV_DONTNEED);
  printf("dontneed: anonymous zeros %d, private file back %d\n", zeros, matches(f, 0, PAGE));
  munmap(f, PAGE);
  close(fd);
}

#define TRY(expression) (errno = 0, (void)(expression), error_name(errno))

static void errors(void) {
  int read_only = open("data", O_RDONLY);
  int pipe_fds[2];
  pipe(pipe_fds);
  const char *length = TRY(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  const char *type = TRY(mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0));
  const char *offset = TRY(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, read_only, 100));
  const char *fd = TRY(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 99, 0));
  const char *shared =
      TRY(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, read_only, 0));
  const char *piped = TRY(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, pipe_fds[0], 0));
  char *gone = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(gone, 2 * PAGE);
  char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  const char *flags = TRY(msync(p, PAGE, MS_ASYNC | MS_SYNC));
  const char *unaligned = TRY(msync(p + 1, PAGE, MS_ASYNC));
  const char *unmapped = TRY(msync(gone == p ? gone + PAGE : gone, PAGE, MS_ASYNC));
  const char *munmap_unaligned = TRY(munmap(p + 1, PAGE));
  int munmap_unmapped = munmap(gone == p ? gone + PAGE : gone, PAGE);
  const char *advice = TRY(madvise(p, PAGE, 12345));
  int protect = mprotect(p, PAGE, PROT_READ);
  munmap(p, PAGE);
  printf("errors: length %s, type %s, offset %s, fd %s, read-only shared %s, pipe %s, msync flags "
         "%s, msync unaligned %s, msync unmapped %s, munmap unaligned %s, munmap unmapped %d, "
         "madvise %s, mprotect %d\n",
         length, type, offset, fd, shared, piped, flags, unaligned, unmapped, munmap_unaligned,
         munmap_unmapped, advice, protect);
  close(read_only);
  close(pipe_fds[0]);
  close(pipe_fds[1]);
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "fixed") == 0) {
    errno = 0;
    mmap((void *)(uintptr_t)0x10000000, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
         -1, 0);
    printf("MAP_FIXED: %s\n", error_name(errno));
    return 0;
  }
  anonymous();
  file_mappings();
  partial();
  dontneed();
  errors();
  return 0;
}
