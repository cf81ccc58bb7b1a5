// Files held open while the host keeps only 64 descriptors for 20 VMs'
// 260 open files, roots and logs (--host-fds 64), so nearly every call
// reopens a file by name: offsets, O_APPEND, SEEK_END, an open file renamed (followed to its
// new name), unlinked (still readable) and renamed over (still the old file),
// a directory listed across many calls, all as on Linux, and the per-VM limit
// of 1,024 open files. Then files.c's
// whole program in 50 VMs with 8 descriptors for all of them.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 20 --root %t/root{vm} --host-fds 64 --console raw > %t.out
// RUN: sort %t.out | uniq -c | FileCheck %s --implicit-check-not=FAIL
// CHECK: 20 ok
// RUN: test "$(cat %t/root7/d/g0)" = "$(printf 'file 0\nround 0\nround 1\nround 2\nafter rename\n')"
// RUN: %gpucxx --target=host -O1 %S/files.c -o %t.files.img
// RUN: %gpuvm run %t.files.img --vms 50 --root %t/files{vm} --host-fds 8 --console raw \
// RUN:   | sort | uniq -c | FileCheck %s --check-prefix=FILES --implicit-check-not=FAIL
// FILES: 50 listing: . .. a.txt:8 b:4 c.txt:8
// FILES-NEXT: 50 ok
//
// When the host truly runs out (directories removed while open keep their
// descriptors, and --host-fds 4 holds only so many), the VM gets EMFILE and
// gpuvm says so once, on stderr and in the status file. (An unlinked open
// file keeps a hidden name instead: unlinked-by-another-vm.c, held-files.c.)
// RUN: %gpuvm run %t.img --vms 1 --root %t/pin --host-fds 4 --console raw \
// RUN:   --status-file %t/pin.status -- pin > %t/pin.out 2> %t/pin.err
// RUN: FileCheck %s --check-prefix=PIN < %t/pin.out
// PIN: 3 removed directories held open, then EMFILE
// RUN: FileCheck %s --check-prefix=NOTE < %t/pin.err
// NOTE: gpuvm: host descriptors ran out (4 kept for the VMs' files and logs, 4 open): VMs get EMFILE; raise the limit (ulimit -n) or close files
// NOTE-NOT: ran out
// RUN: FileCheck %s --check-prefix=STATUS < %t/pin.status
// STATUS: 0 exit 0
// STATUS-NEXT: # host descriptors ran out
// A log file that cannot be opened (here a directory is in its place) loses
// that VM's output, and gpuvm says so, once, naming it; the other VM's log
// is whole.
// RUN: mkdir -p %t/bad-logs/vm-0.out
// RUN: %gpuvm run %t.img --vms 2 --root %t/bad{vm} --log-dir %t/bad-logs \
// RUN:   --status-file %t/bad.status 2> %t/bad.err
// RUN: FileCheck %s --check-prefix=LOGNOTE < %t/bad.err
// LOGNOTE: gpuvm: cannot write {{.*}}/bad-logs/vm-0.out: Is a directory; that VM's output is lost, and so may others' be
// LOGNOTE-NOT: cannot write
// RUN: FileCheck %s --check-prefix=LOGSTATUS < %t/bad.status
// LOGSTATUS: # cannot write {{.*}}vm-0.out
// RUN: test "$(cat %t/bad-logs/vm-1.out)" = ok
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FILES 12

static int failures;

static void check(int ok, const char *what) {
  if (!ok) {
    printf("FAIL %s\n", what);
    ++failures;
  }
}

static void put(int fd, const char *text) {
  check(write(fd, text, strlen(text)) == (ssize_t)strlen(text), "write");
}

// Needs the file's host descriptor: evicts another one.
static void use(int fd) {
  struct stat st;
  check(fstat(fd, &st) == 0, "fstat");
}

// The whole file from its start, through a descriptor of its own.
static void expect_contents(int fd, const char *want, const char *what) {
  char got[256];
  check(lseek(fd, 0, SEEK_SET) == 0, what);
  ssize_t n = read(fd, got, sizeof got - 1);
  got[n < 0 ? 0 : n] = 0;
  check(n == (ssize_t)strlen(want) && strcmp(got, want) == 0, what);
}

// Opens directories and removes them while open until the host has no
// descriptor left for one more.
static int pin_until_full(void) {
  check(mkdir("p", 0755) == 0, "mkdir p");
  int held = 0;
  for (; held < 100; ++held) {
    char name[32];
    snprintf(name, sizeof name, "p/x%d", held);
    check(mkdir(name, 0755) == 0, "mkdir p/x");
    int fd = open(name, O_RDONLY | O_DIRECTORY);
    if (fd < 0) {
      printf("%d removed directories held open, then %s\n", held, errno == EMFILE ? "EMFILE" : "?");
      break;
    }
    check(rmdir(name) == 0, "rmdir");
  }
  return failures != 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "pin") == 0)
    return pin_until_full();
  check(mkdir("d", 0755) == 0, "mkdir");
  int fds[FILES];
  char name[32], text[64];
  for (int i = 0; i < FILES; ++i) {
    snprintf(name, sizeof name, "d/f%d", i);
    fds[i] = open(name, O_RDWR | O_CREAT | O_TRUNC, 0644);
    check(fds[i] >= 0, "open");
    snprintf(text, sizeof text, "file %d\n", i);
    put(fds[i], text);
  }
  // Round robin: each write finds its descriptor closed and its offset kept.
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < FILES; ++i) {
      snprintf(text, sizeof text, "round %d\n", round);
      put(fds[i], text);
    }
  for (int i = 0; i < FILES; ++i) {
    snprintf(text, sizeof text, "file %d\nround 0\nround 1\nround 2\n", i);
    expect_contents(fds[i], text, "contents after round robin");
    check(lseek(fds[i], 0, SEEK_END) == (off_t)strlen(text), "SEEK_END");
  }

  // O_APPEND appends wherever another descriptor wrote.
  int log = open("d/log", O_WRONLY | O_CREAT | O_APPEND, 0644);
  int over = open("d/log", O_RDWR);
  put(log, "one\n");
  put(over, "ONE\n"); // at offset 0: overwrites
  for (int i = 0; i < FILES; ++i)
    use(fds[i]); // log's descriptor is closed by now
  put(log, "two\n");
  expect_contents(over, "ONE\ntwo\n", "O_APPEND after eviction");

  // Renamed while open: followed to its new name.
  check(rename("d/f0", "d/g0") == 0, "rename");
  for (int i = 1; i < FILES; ++i)
    use(fds[i]);
  put(fds[0], "after rename\n");
  int g0 = open("d/g0", O_RDONLY);
  expect_contents(g0, "file 0\nround 0\nround 1\nround 2\nafter rename\n", "renamed file");

  // Unlinked while open: still readable and writable.
  check(unlink("d/f1") == 0, "unlink");
  for (int i = 4; i < FILES; ++i)
    use(fds[i]);
  expect_contents(fds[1], "file 1\nround 0\nround 1\nround 2\n", "unlinked file");
  struct stat st;
  check(stat("d/f1", &st) != 0, "unlinked name gone");

  // Renamed over while open: the old file, not the new one with its name.
  check(rename("d/f3", "d/f2") == 0, "rename over");
  for (int i = 4; i < FILES; ++i)
    use(fds[i]);
  expect_contents(fds[2], "file 2\nround 0\nround 1\nround 2\n", "file renamed over");
  expect_contents(fds[3], "file 3\nround 0\nround 1\nround 2\n", "file renamed onto another");

  // A directory listed a few entries per call, files reopened in between.
  check(mkdir("many", 0755) == 0, "mkdir many");
  for (int i = 0; i < 300; ++i) {
    snprintf(name, sizeof name, "many/entry-with-a-long-name-%03d", i);
    int fd = open(name, O_WRONLY | O_CREAT, 0644);
    check(fd >= 0 && close(fd) == 0, "create entry");
  }
  DIR *dir = opendir("many");
  int entries = 0;
  for (struct dirent *e; dir && (e = readdir(dir));) {
    entries += strncmp(e->d_name, "entry-", 6) == 0;
    use(fds[4 + entries % 8]);
  }
  check(dir && closedir(dir) == 0, "closedir");
  check(entries == 300, "all entries listed once");

  for (int i = 0; i < FILES; ++i)
    check(close(fds[i]) == 0, "close");
  close(log);
  close(over);
  close(g0);

  // A VM holds 1,024 files at most, then EMFILE (its own limit, not the
  // host's), and closing them gives the room back.
  static int many[1100];
  int held = 0;
  while (held < 1100 && (many[held] = open("d/log", O_RDONLY)) >= 0)
    ++held;
  check(held == 1024 && errno == EMFILE, "1,024 files, then EMFILE");
  while (held)
    check(close(many[--held]) == 0, "close many");
  int again = open("d/log", O_RDONLY);
  check(again >= 0 && close(again) == 0, "room again");

  if (!failures)
    printf("ok\n");
  return failures != 0;
}
