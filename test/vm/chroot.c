// chroot confines a VM's paths the way Linux confines a process: after
// chroot("jail") and chdir("/"), absolute paths, "..", and symlinks (even
// ones naming "/" or climbing with "..") stay inside the jail; a file opened
// before still reads; a chroot inside the chroot narrows it again; without
// root it is EPERM. The same program runs natively as root (the test suite
// runs as root) and in VMs, outputs diffed.
// RUN: rm -rf %t && mkdir -p %t/native %t/logs
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/linux && cd %t/native && %t/linux > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 10 --root %t/root{vm} --log-dir %t/logs 2> %t/err
// RUN: FileCheck %s --check-prefix=SCALE < %t/err
// SCALE: 10 exited with status 0
// RUN: diff %t/expected %t/logs/vm-0.out
// RUN: diff %t/expected %t/logs/vm-9.out
// RUN: FileCheck %s < %t/expected
// CHECK: chroot 0, cwd /, inside "inside", outside ENOENT, dot-dot ENOENT
// CHECK: symlinks: absolute "inside", climbing ENOENT, realpath /etc/x
// CHECK: opened before: "kept"
// CHECK: nested: chroot 0, old path ENOENT, new file "deeper"
// CHECK: unprivileged: EPERM
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void put(const char *path, const char *text) {
  int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);
  write(fd, text, strlen(text));
  close(fd);
}

/* The file's text, or the error's name. */
static const char *text_of(const char *path) {
  static char buf[64];
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return errno == ENOENT ? "ENOENT" : "other error";
  ssize_t n = read(fd, buf + 1, sizeof buf - 3);
  close(fd);
  buf[0] = '"';
  buf[n + 1] = '"';
  buf[n + 2] = '\0';
  return buf;
}

int main(void) {
  mkdir("jail", 0755);
  mkdir("jail/etc", 0755);
  put("jail/etc/x", "inside");
  put("secret", "outside");
  put("kept", "kept");
  int before = open("kept", O_RDONLY);

  int changed = chroot("jail");
  chdir("/");
  char cwd[256];
  getcwd(cwd, sizeof cwd);
  printf("chroot %d, cwd %s, inside %s, outside ", changed, cwd, text_of("/etc/x"));
  printf("%s, dot-dot ", text_of("/secret"));
  printf("%s\n", text_of("/../../secret"));

  symlink("/etc/x", "/abs");
  symlink("../../../../secret", "/up");
  char resolved[256];
  printf("symlinks: absolute %s, climbing ", text_of("/abs"));
  printf("%s, realpath %s\n", text_of("/up"), realpath("/etc/../etc/x", resolved));

  char buf[16] = {0};
  read(before, buf, sizeof buf - 1);
  printf("opened before: \"%s\"\n", buf);

  mkdir("/inner", 0755);
  put("/inner/deep", "deeper");
  int nested = chroot("/inner");
  chdir("/");
  printf("nested: chroot %d, old path %s, new file ", nested, text_of("/etc/x"));
  printf("%s\n", text_of("/deep"));

  setuid(1000);
  errno = 0;
  chroot("/");
  printf("unprivileged: %s\n", errno == EPERM ? "EPERM" : "other");
  return 0;
}
