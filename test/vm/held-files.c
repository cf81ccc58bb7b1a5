// Eight files held open by every VM for its whole run, as a server holds
// its database, logs and data: created in the VM's root, written in turns
// (two of them O_APPEND, one rewritten in place at an offset), one renamed,
// one unlinked and one renamed over while open, then each read back through
// its descriptor and checked. 10,000 VMs with their own roots and log files
// while the host process may hold 1,024 descriptors: 80,000 open files,
// 20,000 logs, every VM's log saying "ok" (the same program natively says the
// same). Each VM sleeps while it holds them, so on the host backend too all
// 10,000 hold their unlinked files at once, as on a GPU: more than the host's
// descriptors, so those files cannot each keep one.
// RUN: rm -rf %t && mkdir -p %t/native
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/native/held && (cd %t/native && ./held) | FileCheck %s
// CHECK: ok 8 files
// RUN: %gpucxx --target=host -O1 %s -o %t/held.img
// RUN: (ulimit -n 1024 && %gpuvm run %t/held.img --vms 10000 --root %t/roots/root{vm} \
// RUN:   --log-dir %t/logs 2> %t/err)
// RUN: FileCheck %s --check-prefix=SCALE < %t/err
// SCALE: 10000 exited with status 0
// RUN: cat %t/logs/vm-*.out | sort | uniq -c | FileCheck %s --check-prefix=LOGS
// LOGS: {{^ *}}10000 ok 8 files{{$}}
// LOGS-NOT: {{.}}
// The names gpuvm gave unlinked files beside the roots are gone with it.
// RUN: find %t/roots -maxdepth 1 -name '.gpuvm*' | wc -l | FileCheck %s --check-prefix=TIDY
// TIDY: {{^}}0{{$}}
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FILES 8
#define ROUNDS 3

static int failed(const char *what, int k) {
  printf("FAIL: %s of file %d: %s\n", what, k, strerror(errno));
  return 1;
}

// Puts a new file in `name`'s place, as an editor saves one.
static int replace(const char *name) {
  int fd = open("new", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const char text[] = "the new held-6\n";
  if (fd < 0 || write(fd, text, sizeof text - 1) != sizeof text - 1 || close(fd) != 0)
    return -1;
  return rename("new", name);
}

int main(void) {
  int fds[FILES];
  char name[32], line[64];
  for (int k = 0; k < FILES; ++k) {
    snprintf(name, sizeof name, "held-%d", k);
    int append = k % 4 == 1 ? O_APPEND : 0;
    fds[k] = open(name, O_RDWR | O_CREAT | O_TRUNC | append, 0644);
    if (fds[k] < 0)
      return failed("open", k);
  }
  for (int round = 0; round < ROUNDS; ++round)
    for (int k = 0; k < FILES; ++k) {
      int length = snprintf(line, sizeof line, "file %d round %d\n", k, round);
      if (write(fds[k], line, (size_t)length) != length)
        return failed("write", k);
      if (round == 0 && k == 3 && rename("held-3", "renamed-3") != 0)
        return failed("rename", k);
      if (round == 0 && k == 5 && unlink("held-5") != 0)
        return failed("unlink", k);
      if (round == 0 && k == 6 && replace("held-6") != 0)
        return failed("rename over", k);
    }
  struct stat st;
  if (fstat(fds[5], &st) != 0 || st.st_nlink != 0)
    return failed("link count after unlink", 5);
  usleep(200000);
  /* "round 1" of file 2 becomes "ROUND 1", in place. */
  if (pwrite(fds[2], "ROUND", 5, 22) != 5)
    return failed("pwrite", 2);
  for (int k = 0; k < FILES; ++k) {
    char expected[256] = "", got[256];
    for (int round = 0; round < ROUNDS; ++round) {
      snprintf(line, sizeof line,
               k == 2 && round == 1 ? "file %d ROUND %d\n" : "file %d round %d\n", k, round);
      strcat(expected, line);
    }
    if (lseek(fds[k], 0, SEEK_SET) != 0)
      return failed("lseek", k);
    ssize_t length = read(fds[k], got, sizeof got - 1);
    if (length < 0)
      return failed("read", k);
    got[length] = 0;
    if (strcmp(got, expected)) {
      printf("FAIL: file %d reads \"%s\"\n", k, got);
      return 1;
    }
  }
  for (int k = 0; k < FILES; ++k)
    if (close(fds[k]) != 0)
      return failed("close", k);
  if (access("renamed-3", F_OK) != 0 || access("held-5", F_OK) == 0)
    return failed("names after rename and unlink", 3);
  char replaced[32] = "";
  int fd = open("held-6", O_RDONLY);
  if (fd < 0 || read(fd, replaced, sizeof replaced - 1) < 0 || close(fd) != 0 ||
      strcmp(replaced, "the new held-6\n"))
    return failed("the file renamed over", 6);
  printf("ok %d files\n", FILES);
  return 0;
}
