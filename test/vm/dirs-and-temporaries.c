// scandir/alphasort, dirfd/fdopendir, mkstemp and its kin, preadv/pwritev
// and killpg in a VM give what Linux gives: the same program runs natively
// in a scratch directory and in a VM with its own root, outputs diffed.
// Then, in the VM alone, the calls that need another process answer as
// documented (system, popen, execl: ENOSYS with one note each; daemon
// succeeds without forking).
// RUN: rm -rf %t && mkdir -p %t/native
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/linux && cd %t/native && %t/linux > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 1 --root %t/root --console raw > %t/out
// RUN: diff %t/expected %t/out
// RUN: FileCheck %s < %t/expected
// RUN: %gpuvm run %t/host.img --vms 1 --root %t/process -- process > %t/process.out 2> %t/process.err
// RUN: FileCheck %s --check-prefix=PROCESS < %t/process.out
// RUN: FileCheck %s --check-prefix=NOTES < %t/process.err
// CHECK: scandir 3: a.txt b.txt c.txt (filtered 2), empty-list dir 0, missing ENOENT
// CHECK: dirfd is a directory 1, fdopendir reads 5 entries, on a file ENOTDIR
// CHECK: mkstemp: fd 1, changed 1, exists 1, mode 600; suffix kept 1; mkdtemp dir 1; bad template EINVAL EINVAL
// CHECK: pwritev 9, preadv 9 "abcdefghi"
// CHECK: killpg own group 0, negative EINVAL
// CHECK: freopen same stream 1, wrote "second", first empty 1; mode-only 1
// CHECK: close_range: closed EBADF EBADF, cloexec 1, reversed EINVAL
// PROCESS: system(NULL) 0, system -1 ENOSYS, popen NULL ENOSYS, pclose ECHILD, execl -1 ENOSYS
// PROCESS: daemon 0, cwd /
// PROCESS: groups: first root, at least 2: 1, after end again root; dladdr1 0
// PROCESS: dl_iterate_phdr 0 visits 0
// NOTES: gpuvm: system: a VM is one process
// NOTES: gpuvm: popen: a VM is one process
// NOTES: gpuvm: execl: a VM is one process
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <link.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static const char *error_name(int error) {
  switch (error) {
  case ENOENT:
    return "ENOENT";
  case ENOTDIR:
    return "ENOTDIR";
  case EINVAL:
    return "EINVAL";
  case ENOSYS:
    return "ENOSYS";
  case ECHILD:
    return "ECHILD";
  default:
    return "other";
  }
}

static void touch(const char *path) {
  close(open(path, O_CREAT | O_WRONLY, 0644));
}

static int is_txt(const struct dirent *entry) {
  size_t n = strlen(entry->d_name);
  return n > 4 && strcmp(entry->d_name + n - 4, ".txt") == 0;
}

static void directories(void) {
  mkdir("s", 0755);
  touch("s/c.txt");
  touch("s/a.txt");
  touch("s/b.txt");
  touch("s/skip.dat");
  mkdir("s/sub", 0755);
  struct dirent **list;
  int n = scandir("s", &list, is_txt, alphasort);
  printf("scandir %d:", n);
  for (int i = 0; i < n; ++i) {
    printf(" %s", list[i]->d_name);
    free(list[i]);
  }
  free(list);
  mkdir("empty", 0755);
  struct dirent **none;
  int all = scandir("s", &none, NULL, alphasort);
  for (int i = 0; i < all; ++i)
    free(none[i]);
  free(none);
  int empty = scandir("empty", &none, is_txt, NULL);
  free(none);
  errno = 0;
  scandir("missing", &none, NULL, NULL);
  printf(" (filtered %d), empty-list dir %d, missing %s\n", all - n - 2, empty, error_name(errno));

  DIR *dir = opendir("s");
  struct stat status;
  fstat(dirfd(dir), &status);
  int is_dir = S_ISDIR(status.st_mode);
  closedir(dir);
  int fd = open("s", O_RDONLY | O_DIRECTORY);
  DIR *again = fdopendir(fd);
  int entries = 0;
  while (readdir(again))
    ++entries;
  closedir(again);
  int file = open("s/a.txt", O_RDONLY);
  errno = 0;
  fdopendir(file);
  close(file);
  printf("dirfd is a directory %d, fdopendir reads %d entries, on a file %s\n", is_dir, entries - 2,
         error_name(errno));
}

static void temporaries(void) {
  char name[] = "tmp-XXXXXX";
  int fd = mkstemp(name);
  struct stat status;
  int exists = stat(name, &status) == 0;
  close(fd);
  char with_suffix[] = "log-XXXXXX.txt";
  close(mkstemps(with_suffix, 4));
  int suffix_kept = strcmp(with_suffix + strlen(with_suffix) - 4, ".txt") == 0 &&
                    strncmp(with_suffix, "log-XXXXXX", 10) != 0;
  char dir_name[] = "dir-XXXXXX";
  char *made = mkdtemp(dir_name);
  struct stat dir_status;
  int is_dir = made && stat(made, &dir_status) == 0 && S_ISDIR(dir_status.st_mode);
  char bad[] = "tmp-XXXX";
  errno = 0;
  mkstemp(bad);
  const char *bad_error = error_name(errno);
  errno = 0;
  char bad_dir[] = "nothing";
  mkdtemp(bad_dir);
  printf("mkstemp: fd %d, changed %d, exists %d, mode %o; suffix kept %d; mkdtemp dir %d; bad "
         "template %s %s\n",
         fd >= 3, strcmp(name, "tmp-XXXXXX") != 0, exists, status.st_mode & 0777, suffix_kept,
         is_dir, bad_error, error_name(errno));
}

static void vectors(void) {
  int fd = open("vec", O_CREAT | O_RDWR | O_TRUNC, 0644);
  struct iovec out[3] = {{"abc", 3}, {"", 0}, {"defghi", 6}};
  ssize_t wrote = pwritev(fd, out, 3, 4);
  char a[4] = {0}, b[6] = {0};
  struct iovec in[2] = {{a, 3}, {b, 6}};
  ssize_t got = preadv(fd, in, 2, 4);
  close(fd);
  printf("pwritev %zd, preadv %zd \"%s%.6s\"\n", wrote, got, a, b);
}

static void groups(void) {
  int own = killpg(getpgrp(), 0);
  errno = 0;
  killpg(-1, 0);
  printf("killpg own group %d, negative %s\n", own, error_name(errno));
}

static void reopening(void) {
  FILE *f = fopen("first", "w");
  FILE *same = freopen("second", "w", f);
  fputs("second", same);
  fclose(same);
  char got[16] = {0};
  FILE *in = fopen("second", "r");
  fgets(got, sizeof got, in);
  fclose(in);
  struct stat status;
  stat("first", &status);
  FILE *g = fopen("second", "r");
  FILE *mode_only = freopen(NULL, "r", g);
  printf("freopen same stream %d, wrote \"%s\", first empty %d; mode-only %d\n", same == f, got,
         status.st_size == 0, mode_only == g);
  fclose(g);

  int a = open("second", O_RDONLY), b = open("second", O_RDONLY);
  close_range((unsigned)a, ~0u, 0);
  errno = 0;
  fcntl(a, F_GETFD);
  const char *first = errno == EBADF ? "EBADF" : "open";
  errno = 0;
  fcntl(b, F_GETFD);
  const char *second = errno == EBADF ? "EBADF" : "open";
  int c = open("second", O_RDONLY);
  close_range((unsigned)c, (unsigned)c, 4 /* CLOSE_RANGE_CLOEXEC */);
  int cloexec = fcntl(c, F_GETFD) == FD_CLOEXEC;
  close(c);
  errno = 0;
  close_range(10, 5, 0);
  printf("close_range: closed %s %s, cloexec %d, reversed %s\n", first, second, cloexec,
         error_name(errno));
}

static int visit(struct dl_phdr_info *info, size_t size, void *data) {
  (void)info, (void)size;
  ++*(int *)data;
  return 0;
}

static void process(void) {
  int shell = system(NULL);
  errno = 0;
  int ran = system("true");
  const char *system_error = error_name(errno);
  errno = 0;
  FILE *pipe = popen("ls", "r");
  const char *popen_error = error_name(errno);
  errno = 0;
  pclose(stdout);
  const char *pclose_error = error_name(errno);
  errno = 0;
  int exec = execl("/bin/true", "true", (char *)NULL);
  printf("system(NULL) %d, system %d %s, popen %s %s, pclose %s, execl %d %s\n", shell, ran,
         system_error, pipe ? "stream" : "NULL", popen_error, pclose_error, exec,
         error_name(errno));
  fflush(stdout);
  int daemonized = daemon(0, 1);
  char cwd[64];
  getcwd(cwd, sizeof cwd);
  printf("daemon %d, cwd %s\n", daemonized, cwd);
  struct group *g = getgrent();
  const char *first = g ? g->gr_name : "none";
  int count = g != NULL;
  char first_name[32];
  snprintf(first_name, sizeof first_name, "%s", first);
  while (getgrent())
    ++count;
  endgrent();
  setgrent();
  g = getgrent();
  Dl_info info;
  printf("groups: first %s, at least 2: %d, after end again %s; dladdr1 %d\n", first_name,
         count >= 2, g ? g->gr_name : "none", dladdr1((void *)process, &info, NULL, 0));
  int visits = 0;
  int walked = dl_iterate_phdr(visit, &visits);
  printf("dl_iterate_phdr %d visits %d\n", walked, visits);
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "process") == 0) {
    chdir("/");
    mkdir("/work", 0755);
    chdir("/work");
    process();
    return 0;
  }
  directories();
  temporaries();
  vectors();
  groups();
  reopening();
  return 0;
}
