// A VM cannot reach outside its root: "..", absolute paths and symlinks (to an
// absolute host path, to "../..", to "/") all resolve inside it. Reads of what
// lies next to the root fail with ENOENT or read the root's own copy; creating
// through an escape lands inside the root. The shell then checks that nothing
// appeared or changed outside the roots and that no VM printed the secrets.
// RUN: rm -rf %t %t.logs && mkdir -p %t/root0/etc %t/root1 %t.logs
// RUN: echo "host secret" > %t/secret.txt && echo "host outside" > %t/outside
// RUN: echo "vm passwd" > %t/root0/etc/passwd
// RUN: for k in 0 1; do ln -s %t/secret.txt %t/root$k/link-abs && ln -s ../.. %t/root$k/link-up \
// RUN:   && ln -s / %t/root$k/link-root && ln -s %t %t/root$k/link-host-dir; done
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 2 --root %t/root{vm} --log-dir %t.logs
// RUN: FileCheck %s --check-prefixes=CHECK,VM0 < %t.logs/vm-0.out
// RUN: FileCheck %s --check-prefixes=CHECK,VM1 < %t.logs/vm-1.out
// RUN: not grep -r "host secret\\|host outside" %t.logs
// RUN: ls -A %t | tr '\n' ' ' | FileCheck %s --check-prefix=OUTSIDE
// OUTSIDE: {{^}}outside root0 root1 secret.txt {{$}}
// RUN: grep -x "host secret" %t/secret.txt && grep -x "host outside" %t/outside
// RUN: for k in 0 1; do test -f %t/root$k/escaped && test -d %t/root$k/escaped-dir \
// RUN:   && test -f %t/root$k/through-link && test -f %t/root$k/renamed; done

// VM0: list ..: . .. etc link-abs link-host-dir link-root link-up
// VM1: list ..: . .. link-abs link-host-dir link-root link-up
// CHECK-NEXT: list link-up: same
// CHECK-NEXT: read ../outside: No such file or directory
// VM0-NEXT: read ../../etc/passwd: vm passwd
// VM1-NEXT: read ../../etc/passwd: No such file or directory
// VM0-NEXT: read /etc/passwd: vm passwd
// VM1-NEXT: read /etc/passwd: No such file or directory
// VM0-NEXT: read /../../../../etc/passwd: vm passwd
// VM1-NEXT: read /../../../../etc/passwd: No such file or directory
// CHECK-NEXT: read link-abs: No such file or directory
// CHECK-NEXT: read link-up/outside: No such file or directory
// CHECK-NEXT: read link-up/secret.txt: No such file or directory
// CHECK-NEXT: read link-host-dir/secret.txt: No such file or directory
// VM0-NEXT: read link-root/etc/passwd: vm passwd
// VM1-NEXT: read link-root/etc/passwd: No such file or directory
// CHECK-NEXT: read etc/../../outside: No such file or directory
// CHECK-NEXT: lstat link-abs: symlink
// CHECK-NEXT: stat link-abs: No such file or directory
// CHECK-NEXT: create ../escaped: ok
// CHECK-NEXT: mkdir ../../escaped-dir: ok
// CHECK-NEXT: create link-up/through-link: ok
// CHECK-NEXT: create link-host-dir/planted: No such file or directory
// CHECK-NEXT: create link-abs: No such file or directory
// CHECK-NEXT: rename ../escaped ../../renamed: ok
// CHECK-NEXT: rename ../outside stolen: No such file or directory
// CHECK-NEXT: unlink ../outside: No such file or directory
// CHECK-NEXT: utime ../secret.txt: No such file or directory
// CHECK-NEXT: chdir ../..: /
// CHECK-NEXT: chdir link-up: /link-up
// CHECK-NEXT: read ../outside: No such file or directory
// CHECK-NEXT: done
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

static void report(const char *what, const char *path, int result) {
  printf("%s %s: %s\n", what, path, result == 0 ? "ok" : strerror(errno));
}

static void read_file(const char *path) {
  FILE *in = fopen(path, "r");
  char line[128];
  if (!in) {
    report("read", path, -1);
    return;
  }
  if (!fgets(line, sizeof line, in))
    strcpy(line, "(empty)\n");
  printf("read %s: %s", path, line);
  fclose(in);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directory's names, sorted and joined by spaces. */
static void list(const char *path, char *out, size_t size) {
  DIR *dir = opendir(path);
  char *names[32];
  int count = 0;
  struct dirent *entry;
  while (dir && count < 32 && (entry = readdir(dir)))
    names[count++] = strdup(entry->d_name);
  if (dir)
    closedir(dir);
  qsort(names, (size_t)count, sizeof names[0], by_name);
  out[0] = '\0';
  for (int i = 0; i < count; ++i) {
    snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? " " : "", names[i]);
    free(names[i]);
  }
}

static int create(const char *path) {
  FILE *out = fopen(path, "w");
  return out ? fclose(out) : -1;
}

int main(void) {
  char root[512], through_link[512];
  list("..", root, sizeof root);
  printf("list ..: %s\n", root);
  list("link-up", through_link, sizeof through_link);
  printf("list link-up: %s\n", strcmp(root, through_link) ? through_link : "same");

  read_file("../outside");
  read_file("../../etc/passwd");
  read_file("/etc/passwd");
  read_file("/../../../../etc/passwd");
  read_file("link-abs");
  read_file("link-up/outside");
  read_file("link-up/secret.txt");
  read_file("link-host-dir/secret.txt");
  read_file("link-root/etc/passwd");
  read_file("etc/../../outside");

  struct stat status;
  printf("lstat link-abs: %s\n",
         lstat("link-abs", &status) == 0 && S_ISLNK(status.st_mode) ? "symlink" : "not a link");
  report("stat", "link-abs", stat("link-abs", &status));

  report("create", "../escaped", create("../escaped"));
  report("mkdir", "../../escaped-dir", mkdir("../../escaped-dir", 0755));
  report("create", "link-up/through-link", create("link-up/through-link"));
  report("create", "link-host-dir/planted", create("link-host-dir/planted"));
  report("create", "link-abs", create("link-abs"));
  report("rename", "../escaped ../../renamed", rename("../escaped", "../../renamed"));
  report("rename", "../outside stolen", rename("../outside", "stolen"));
  report("unlink", "../outside", unlink("../outside"));
  report("utime", "../secret.txt", utime("../secret.txt", NULL));

  char where[64];
  printf("chdir ../..: %s\n", chdir("../..") == 0 ? getcwd(where, sizeof where) : strerror(errno));
  printf("chdir link-up: %s\n",
         chdir("link-up") == 0 ? getcwd(where, sizeof where) : strerror(errno));
  read_file("../outside");
  /* The escaped file was renamed away; recreate it for the shell's check. */
  create("/escaped");
  printf("done\n");
  return 0;
}
