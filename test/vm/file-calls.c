// pread, pwrite, ftruncate, truncate, fsync, fdatasync, chmod and fchmod in
// a VM give what Linux gives: the same program runs natively in a scratch
// directory and in a VM whose root is another, and the outputs must match
// line for line (errors included).
// RUN: rm -rf %t.native %t.root && mkdir -p %t.native/dir %t.root/dir
// RUN: gcc -O1 -Wall -Werror %s -o %t.linux && cd %t.native && %t.linux > %t.expected
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 1 --root %t.root --console raw > %t.out
// RUN: diff %t.expected %t.out
// RUN: FileCheck %s < %t.out
// A VM never makes a setuid or setgid file on the host (they would be gpuvm's
// user's): those bits are dropped, the sticky bit kept.
// RUN: %gpuvm run %t.img --vms 1 --root %t.root --console raw -- set-id | FileCheck %s --check-prefix=SETID
// SETID: chmod 4755 -> 755, fchmod 2750 -> 750, open 6755 -> 755, mkdir 7777 -> 1755
// RUN: find %t.root -perm /6000 | wc -l | FileCheck %s --check-prefix=HOSTBITS
// HOSTBITS: {{^0$}}
// CHECK: pwrite 5, offset still 11, pread 5 "world", whole "HELLO world"
// CHECK: ftruncate 5: size 5; ftruncate 20: size 20, tail zero 1
// CHECK: fsync 0 fdatasync 0
// CHECK: fchmod 600, chmod 640, truncate 3: size 3
// CHECK: pwrite past the end: size 12, offset 3
// CHECK: errors: ftruncate read-only EINVAL, bad fd EBADF, negative EINVAL; truncate missing ENOENT, directory EISDIR; chmod missing ENOENT; pread negative EINVAL; fsync bad fd EBADF
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *name(int rc, int error) {
  if (rc == 0)
    return "0";
  return error == EINVAL   ? "EINVAL"
         : error == EBADF  ? "EBADF"
         : error == ENOENT ? "ENOENT"
         : error == EISDIR ? "EISDIR"
                           : strerror(error);
}

static long size_of(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static int mode_of(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

static void set_id(void) {
  int fd = open("s.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  chmod("s.txt", 04755);
  int after_chmod = mode_of("s.txt");
  fchmod(fd, 02750);
  int after_fchmod = mode_of("s.txt");
  close(fd);
  close(open("t.txt", O_WRONLY | O_CREAT | O_TRUNC, 06755));
  mkdir("d", 07777);
  printf("chmod 4755 -> %o, fchmod 2750 -> %o, open 6755 -> %o, mkdir 7777 -> %o\n", after_chmod,
         after_fchmod, mode_of("t.txt"), mode_of("d"));
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "set-id")) {
    set_id();
    return 0;
  }
  int fd = open("f.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
  if (fd < 0 || write(fd, "hello world", 11) != 11) {
    printf("FAIL setup (errno %d)\n", errno);
    return 1;
  }
  char part[8] = {0}, whole[16] = {0};
  ssize_t wrote = pwrite(fd, "HELLO", 5, 0);
  long offset = (long)lseek(fd, 0, SEEK_CUR);
  ssize_t got = pread(fd, part, 5, 6);
  pread(fd, whole, 11, 0);
  printf("pwrite %zd, offset still %ld, pread %zd \"%s\", whole \"%s\"\n", wrote, offset, got, part,
         whole);

  ftruncate(fd, 5);
  long cut = size_of("f.txt");
  ftruncate(fd, 20);
  char tail[15];
  pread(fd, tail, 15, 5);
  int zero = 1;
  for (int i = 0; i < 15; ++i)
    zero &= tail[i] == 0;
  printf("ftruncate 5: size %ld; ftruncate 20: size %ld, tail zero %d\n", cut, size_of("f.txt"),
         zero);
  printf("fsync %d fdatasync %d\n", fsync(fd), fdatasync(fd));

  fchmod(fd, 0600);
  int after_fchmod = mode_of("f.txt");
  chmod("f.txt", 0640);
  int after_chmod = mode_of("f.txt");
  truncate("f.txt", 3);
  printf("fchmod %o, chmod %o, truncate 3: size %ld\n", after_fchmod, after_chmod,
         size_of("f.txt"));

  lseek(fd, 3, SEEK_SET);
  pwrite(fd, "!", 1, 11);
  printf("pwrite past the end: size %ld, offset %ld\n", size_of("f.txt"),
         (long)lseek(fd, 0, SEEK_CUR));
  close(fd);

  int ro = open("f.txt", O_RDONLY);
  int r1 = ftruncate(ro, 0), e1 = errno;
  int r2 = ftruncate(-1, 0), e2 = errno;
  int r3 = ftruncate(ro, -1), e3 = errno;
  int r4 = truncate("missing.txt", 0), e4 = errno;
  int r5 = truncate("dir", 0), e5 = errno;
  int r6 = chmod("missing.txt", 0600), e6 = errno;
  char byte;
  int r7 = (int)pread(ro, &byte, 1, -1), e7 = errno;
  int r8 = fsync(-1), e8 = errno;
  printf("errors: ftruncate read-only %s, bad fd %s, negative %s; truncate missing %s, directory "
         "%s; chmod missing %s; pread negative %s; fsync bad fd %s\n",
         name(r1, e1), name(r2, e2), name(r3, e3), name(r4, e4), name(r5, e5), name(r6, e6),
         name(r7, e7), name(r8, e8));
  return 0;
}
