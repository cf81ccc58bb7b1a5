// --ro-root: 20 VMs read one shared data set that none of them can change.
// Opening a shared file for writing fails with EROFS; what a VM writes lands
// in its own root, where it shadows the shared copy for that VM alone; the
// shared directory is byte for byte the same afterwards.
// RUN: rm -rf %t && mkdir -p %t/shared/data
// RUN: printf 'shared config v1\nsecond line\n' > %t/shared/data/config.txt
// RUN: echo "top level" > %t/shared/top.txt && cp -a %t/shared %t/pristine
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 20 --root %t/root{vm} --ro-root %t/shared --console raw > %t.out
// RUN: sort %t.out | uniq -c | FileCheck %s --implicit-check-not=FAIL
// CHECK: 20 ok
// RUN: diff -r %t/pristine %t/shared
// RUN: for k in $(seq 0 19); do grep -x "mine $k" %t/root$k/mine.txt && \
// RUN:   grep -x "own config $k" %t/root$k/data/config.txt; done \
// RUN:   | wc -l | FileCheck %s --check-prefix=OWN
// OWN: 40
// RUN: for k in $(seq 0 19); do (cd %t/root$k && find . | sort | tr '\n' ' '; echo); done \
// RUN:   | sort | uniq -c | FileCheck %s --check-prefix=TREE
// TREE: 20 . ./data ./data/config.txt ./mine.txt {{$}}
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gpuvm.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;

#define EXPECT(condition)                                                                          \
  do {                                                                                             \
    if (!(condition)) {                                                                            \
      printf("FAIL vm %u line %d: %s (errno %d)\n", gpuvm_vm_id(), __LINE__, #condition, errno);   \
      ++failures;                                                                                  \
    }                                                                                              \
  } while (0)

#define EXPECT_ERRNO(call, error)                                                                  \
  do {                                                                                             \
    errno = 0;                                                                                     \
    EXPECT((call) && errno == (error));                                                            \
  } while (0)

static int first_line_is(const char *path, const char *expected) {
  FILE *in = fopen(path, "r");
  char line[64] = "";
  int same = in && fgets(line, sizeof line, in) && strcmp(line, expected) == 0;
  if (in)
    fclose(in);
  return same;
}

int main(void) {
  unsigned k = gpuvm_vm_id();
  EXPECT(first_line_is("data/config.txt", "shared config v1\n"));
  EXPECT(first_line_is("/top.txt", "top level\n"));
  struct stat status;
  EXPECT(stat("data/config.txt", &status) == 0 && status.st_size == 29 && S_ISREG(status.st_mode));
  EXPECT(stat("data", &status) == 0 && S_ISDIR(status.st_mode));
  DIR *dir = opendir("data");
  struct dirent *entry;
  int shared_listed = 0;
  while (dir && (entry = readdir(dir)))
    shared_listed |= strcmp(entry->d_name, "config.txt") == 0;
  EXPECT(dir && closedir(dir) == 0 && shared_listed);

  /* Every way of writing to the shared copy. */
  EXPECT_ERRNO(fopen("data/config.txt", "r+") == NULL, EROFS);
  EXPECT_ERRNO(fopen("data/config.txt", "w") == NULL, EROFS);
  EXPECT_ERRNO(fopen("data/config.txt", "a") == NULL, EROFS);
  EXPECT_ERRNO(open("top.txt", O_WRONLY) < 0, EROFS);
  EXPECT_ERRNO(open("data/config.txt", O_RDWR | O_TRUNC) < 0, EROFS);
  EXPECT(unlink("data/config.txt") != 0);
  EXPECT(rename("data/config.txt", "stolen.txt") != 0);

  /* The VM's own files go to its own root. */
  FILE *out = fopen("mine.txt", "w");
  EXPECT(out && fprintf(out, "mine %u\n", k) > 0 && fclose(out) == 0);
  char expected[32];
  snprintf(expected, sizeof expected, "mine %u\n", k);
  EXPECT(first_line_is("mine.txt", expected));

  /* Its own data/config.txt shadows the shared one, for it alone. */
  EXPECT(mkdir("data", 0755) == 0);
  out = fopen("data/config.txt", "w");
  EXPECT(out && fprintf(out, "own config %u\n", k) > 0 && fclose(out) == 0);
  snprintf(expected, sizeof expected, "own config %u\n", k);
  EXPECT(first_line_is("data/config.txt", expected));
  EXPECT(first_line_is("top.txt", "top level\n"));
  if (!failures)
    printf("ok\n");
  return failures != 0;
}
