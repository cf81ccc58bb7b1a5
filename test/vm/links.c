// Symlinks, hard links, realpath, the *at calls, fchdir, times to the
// nanosecond, statvfs and chown in a VM give what Linux gives: the same
// program runs natively in a scratch directory and in VMs with their own
// roots, and the outputs must match line for line. Then, in the VM alone,
// links that point out of the root stay inside it, and a VM that dropped
// root may not give its files away.
// RUN: rm -rf %t && mkdir -p %t/native %t/logs
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/linux && cd %t/native && %t/linux > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 20 --root %t/root{vm} --log-dir %t/logs 2> %t/err
// RUN: FileCheck %s --check-prefix=SCALE < %t/err
// SCALE: 20 exited with status 0
// RUN: diff %t/expected %t/logs/vm-0.out
// RUN: diff %t/expected %t/logs/vm-19.out
// RUN: FileCheck %s < %t/expected
// RUN: %gpuvm run %t/host.img --vms 1 --root %t/hostile -- hostile | FileCheck %s --check-prefix=HOSTILE
// CHECK: symlink 0, readlink 8 "data.txt", lstat link 1, stat size 5, open through it 5 "hello"
// CHECK: dangling: readlink 7, open ENOENT; loop: open ELOOP; realpath ELOOP
// CHECK: realpath: /REL/d/data.txt via ../d/./l, dir /REL/d, missing ENOENT, through file ENOTDIR
// CHECK: link 0, nlink 2, same inode 1, after unlink the other reads "hello", exists EEXIST
// CHECK: at: openat 5, fstatat 5, nofollow link 1, mkdirat 0, renameat 0, unlinkat dir 0, unlinkat file 0, faccessat 0, readlinkat 8, symlinkat 0, linkat 0, fchmodat 0600, bad flags EINVAL, bad dir EBADF
// CHECK: fchdir 0, cwd ends d 1, get_current_dir_name ends d 1, relative open 5
// CHECK: times: utimensat 0 -> 1000000000.5 2000000000.25, omit keeps 1, futimens 0 -> 3000000000, lutimes link 0, bad nsec EINVAL
// CHECK: statvfs 0: bsize>0 1, namemax 255, fstatvfs same fsid 1, statfs 0 namelen 255
// CHECK: chown as root: 0 0 0 0, missing ENOENT, bad fd EBADF
// HOSTILE: escape: readlink "/etc/passwd", open ENOENT, realpath ENOENT
// HOSTILE: up: open ENOENT, link out ENOENT
// HOSTILE: dropped root: chown to 0 EPERM, to own ids 0
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <unistd.h>

static const char *error_name(int error) {
  switch (error) {
  case ENOENT:
    return "ENOENT";
  case ELOOP:
    return "ELOOP";
  case EEXIST:
    return "EEXIST";
  case EINVAL:
    return "EINVAL";
  case EBADF:
    return "EBADF";
  case ENOTDIR:
    return "ENOTDIR";
  case EPERM:
    return "EPERM";
  default:
    return "other";
  }
}

#define TRY(expression) (errno = 0, (void)(expression), error_name(errno))

static void put(const char *path, const char *text) {
  int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);
  write(fd, text, strlen(text));
  close(fd);
}

static int read_all(const char *path, char *out, size_t size) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int n = (int)read(fd, out, size - 1);
  out[n > 0 ? n : 0] = '\0';
  close(fd);
  return n;
}

/* The scratch directory's absolute path differs natively and in a VM:
 * printed as /REL. */
static char base[4096];

static const char *relative(const char *path) {
  static char out[4096];
  size_t n = strlen(base);
  if (strncmp(path, base, n) == 0)
    snprintf(out, sizeof out, "/REL%s", path + n);
  else
    snprintf(out, sizeof out, "%s", path);
  return out;
}

static void symlinks(void) {
  mkdir("d", 0755);
  put("d/data.txt", "hello");
  int made = symlink("data.txt", "d/l");
  char text[64] = {0};
  ssize_t n = readlink("d/l", text, sizeof text);
  struct stat link_status, target_status;
  lstat("d/l", &link_status);
  stat("d/l", &target_status);
  char got[16];
  int through = read_all("d/l", got, sizeof got);
  printf("symlink %d, readlink %zd \"%s\", lstat link %d, stat size %ld, open through it %d \"%s\"\n",
         made, n, text, S_ISLNK(link_status.st_mode), (long)target_status.st_size, through, got);

  symlink("nowhere", "d/dangling");
  n = readlink("d/dangling", text, sizeof text);
  const char *dangling = TRY(open("d/dangling", O_RDONLY));
  symlink("loop2", "d/loop1");
  symlink("loop1", "d/loop2");
  const char *loop = TRY(open("d/loop1", O_RDONLY));
  char resolved[4096];
  const char *loop_real = TRY(realpath("d/loop1", resolved));
  printf("dangling: readlink %zd, open %s; loop: open %s; realpath %s\n", n, dangling, loop,
         loop_real);

  mkdir("e", 0755);
  char *through_dots = realpath("e/../d/./l", NULL);
  char dir[4096];
  realpath("d", dir);
  char shown[4096];
  snprintf(shown, sizeof shown, "%s", relative(through_dots ? through_dots : "(null)"));
  free(through_dots);
  const char *missing = TRY(realpath("d/none", resolved));
  const char *not_dir = TRY(realpath("d/data.txt/x", resolved));
  printf("realpath: %s via ../d/./l, dir %s, missing %s, through file %s\n", shown, relative(dir),
         missing, not_dir);
}

static void hard_links(void) {
  int made = link("d/data.txt", "d/hard");
  struct stat a, b;
  stat("d/data.txt", &a);
  stat("d/hard", &b);
  unlink("d/data.txt");
  char got[16];
  read_all("d/hard", got, sizeof got);
  link("d/hard", "d/data.txt");
  const char *exists = TRY(link("d/hard", "d/data.txt"));
  printf("link %d, nlink %ld, same inode %d, after unlink the other reads \"%s\", exists %s\n",
         made, (long)a.st_nlink, a.st_ino == b.st_ino, got, exists);
}

static void at_calls(void) {
  int dir = open("d", O_RDONLY | O_DIRECTORY);
  char got[16];
  int fd = openat(dir, "data.txt", O_RDONLY);
  int n = (int)read(fd, got, sizeof got);
  close(fd);
  struct stat status;
  fstatat(dir, "data.txt", &status, 0);
  long size = (long)status.st_size;
  fstatat(dir, "l", &status, AT_SYMLINK_NOFOLLOW);
  int nofollow = S_ISLNK(status.st_mode);
  int made = mkdirat(dir, "sub", 0755);
  int renamed = renameat(dir, "sub", dir, "sub2");
  int removed_dir = unlinkat(dir, "sub2", AT_REMOVEDIR);
  put("d/gone", "x");
  int removed = unlinkat(dir, "gone", 0);
  int access_ok = faccessat(dir, "data.txt", R_OK, 0);
  char text[64] = {0};
  ssize_t link_length = readlinkat(dir, "l", text, sizeof text);
  int symlinked = symlinkat("data.txt", dir, "l2");
  int linked = linkat(dir, "data.txt", dir, "hard2", 0);
  fchmodat(dir, "data.txt", 0600, 0);
  fstatat(dir, "data.txt", &status, 0);
  const char *bad_flags = TRY(fstatat(dir, "data.txt", &status, 0x4000000));
  const char *bad_dir = TRY(openat(99, "data.txt", O_RDONLY));
  printf("at: openat %d, fstatat %ld, nofollow link %d, mkdirat %d, renameat %d, unlinkat dir %d, "
         "unlinkat file %d, faccessat %d, readlinkat %zd, symlinkat %d, linkat %d, fchmodat %04o, "
         "bad flags %s, bad dir %s\n",
         n, size, nofollow, made, renamed, removed_dir, removed, access_ok, link_length, symlinked,
         linked, status.st_mode & 0777, bad_flags, bad_dir);

  int changed = fchdir(dir);
  char cwd[4096];
  getcwd(cwd, sizeof cwd);
  char *name = get_current_dir_name();
  int ends = strlen(cwd) >= 2 && strcmp(cwd + strlen(cwd) - 2, "/d") == 0;
  int name_ends = name && strlen(name) >= 2 && strcmp(name + strlen(name) - 2, "/d") == 0;
  free(name);
  int relative_read = read_all("data.txt", got, sizeof got);
  chdir("..");
  printf("fchdir %d, cwd ends d %d, get_current_dir_name ends d %d, relative open %d\n", changed,
         ends, name_ends, relative_read);
  close(dir);
}

static void times(void) {
  struct timespec set[2] = {{1000000000, 500000000}, {2000000000, 250000000}};
  int r = utimensat(AT_FDCWD, "d/data.txt", set, 0);
  struct stat status;
  stat("d/data.txt", &status);
  char shown[64];
  snprintf(shown, sizeof shown, "%ld.%ld %ld.%ld", (long)status.st_atim.tv_sec,
           status.st_atim.tv_nsec / 100000000, (long)status.st_mtim.tv_sec,
           status.st_mtim.tv_nsec / 10000000);
  struct timespec omit[2] = {{0, UTIME_OMIT}, {5, 0}};
  utimensat(AT_FDCWD, "d/data.txt", omit, 0);
  stat("d/data.txt", &status);
  int kept = status.st_atim.tv_sec == 1000000000 && status.st_mtim.tv_sec == 5;
  int fd = open("d/data.txt", O_RDONLY);
  struct timespec third[2] = {{3000000000, 0}, {3000000000, 0}};
  int f = futimens(fd, third);
  fstat(fd, &status);
  close(fd);
  struct timeval tv[2] = {{100, 0}, {200, 0}};
  int l = lutimes("d/l", tv);
  struct timespec bad[2] = {{0, 1000000000}, {0, 0}};
  const char *bad_nsec = TRY(utimensat(AT_FDCWD, "d/data.txt", bad, 0));
  printf("times: utimensat %d -> %s, omit keeps %d, futimens %d -> %ld, lutimes link %d, bad nsec "
         "%s\n",
         r, shown, kept, f, (long)status.st_mtim.tv_sec, l, bad_nsec);
}

static void file_systems(void) {
  struct statvfs v, fv;
  int r = statvfs("d", &v);
  int fd = open("d/data.txt", O_RDONLY);
  fstatvfs(fd, &fv);
  close(fd);
  struct statfs s;
  int sr = statfs("d", &s);
  printf("statvfs %d: bsize>0 %d, namemax %lu, fstatvfs same fsid %d, statfs %d namelen %ld\n", r,
         v.f_bsize > 0, v.f_namemax, v.f_fsid == fv.f_fsid, sr, (long)s.f_namelen);
}

static void ownership(void) {
  int fd = open("d/data.txt", O_RDONLY);
  int a = chown("d/data.txt", getuid(), getgid());
  int b = lchown("d/l", (uid_t)-1, (gid_t)-1);
  int c = fchown(fd, getuid(), (gid_t)-1);
  int d = fchownat(AT_FDCWD, "d/data.txt", (uid_t)-1, getgid(), 0);
  close(fd);
  const char *missing = TRY(chown("d/none", 0, 0));
  const char *bad_fd = TRY(fchown(99, 0, 0));
  printf("chown as root: %d %d %d %d, missing %s, bad fd %s\n", a, b, c, d, missing, bad_fd);
}

static void hostile(void) {
  symlink("/etc/passwd", "escape");
  char text[64] = {0};
  readlink("escape", text, sizeof text);
  const char *opened = TRY(open("escape", O_RDONLY));
  char resolved[4096];
  const char *real = TRY(realpath("escape", resolved));
  printf("escape: readlink \"%s\", open %s, realpath %s\n", text, opened, real);
  symlink("../../../../../../..", "up");
  const char *up = TRY(open("up/etc/passwd", O_RDONLY));
  const char *link_out = TRY(link("/../../../../etc/passwd", "stolen"));
  printf("up: open %s, link out %s\n", up, link_out);
  put("mine", "x");
  setgid(100);
  setuid(1000);
  const char *to_root = TRY(chown("mine", 0, 0));
  printf("dropped root: chown to 0 %s, to own ids %d\n", to_root, chown("mine", 1000, 100));
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "hostile") == 0) {
    hostile();
    return 0;
  }
  getcwd(base, sizeof base);
  if (strcmp(base, "/") == 0)
    base[0] = '\0';
  symlinks();
  hard_links();
  at_calls();
  times();
  file_systems();
  ownership();
  return 0;
}
