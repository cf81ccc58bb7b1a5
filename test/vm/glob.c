// glob and globfree in a VM answer as glibc's: the same program runs natively
// in a scratch directory and in a VM with its own root, outputs diffed:
// wildcards per component, hidden files and GLOB_PERIOD, GLOB_MARK,
// GLOB_NOCHECK, GLOB_NOMAGIC, GLOB_NOESCAPE, GLOB_DOOFFS, GLOB_APPEND,
// GLOB_NOSORT, no match, and literal names that exist or not.
// RUN: rm -rf %t && mkdir -p %t/native
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/linux && cd %t/native && %t/linux > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 1 --root %t/root --console raw > %t/out
// RUN: diff %t/expected %t/out
// RUN: FileCheck %s < %t/expected
// RUN: %gpuvm run %t/host.img --vms 1 --root %t/brace -- brace | FileCheck %s --check-prefix=BRACE
// BRACE: GLOB_BRACE: GLOB_NOSYS
// CHECK: *.txt: 0 [a.txt b.txt c.txt]
// CHECK: d*/*.c: 0 [d1/x.c d1/y.c d2/z.c]
// CHECK: .*: 0 [. .. .hidden]
// CHECK: nomatch*: GLOB_NOMATCH
// CHECK: offsets 2 then append: 0 [- - a.txt b.txt c.txt d1/x.c]
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void touch(const char *path) {
  close(open(path, O_CREAT | O_WRONLY, 0644));
}

static void show(const char *label, int result, glob_t *found) {
  printf("%s: ", label);
  if (result == GLOB_NOMATCH)
    printf("GLOB_NOMATCH\n");
  else if (result)
    printf("error %d\n", result);
  else {
    printf("%d [", result);
    size_t offsets = found->gl_offs;
    for (size_t i = 0; i < offsets + found->gl_pathc; ++i)
      printf("%s%s", i ? " " : "", found->gl_pathv[i] ? found->gl_pathv[i] : "-");
    printf("]%s\n", found->gl_pathv[offsets + found->gl_pathc] ? " (no NULL)" : "");
  }
  if (!result)
    globfree(found);
}

static void one(const char *pattern, int flags) {
  glob_t found;
  memset(&found, 0, sizeof found);
  char label[128];
  snprintf(label, sizeof label, "%s%s", pattern, flags ? " (flags)" : "");
  show(label, glob(pattern, flags, NULL, &found), &found);
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "brace") == 0) {
    glob_t found;
    printf("GLOB_BRACE: %s\n",
           glob("{a,b}", GLOB_BRACE, NULL, &found) == GLOB_NOSYS ? "GLOB_NOSYS" : "other");
    return 0;
  }
  touch("a.txt");
  touch("c.txt");
  touch("b.txt");
  touch("a.log");
  touch(".hidden");
  touch("star*");
  mkdir("d1", 0755);
  mkdir("d2", 0755);
  mkdir("e", 0755);
  touch("d1/x.c");
  touch("d1/y.c");
  touch("d2/z.c");
  touch("d2/.h.c");
  touch("e.c");
  one("*.txt", 0);
  one("d*/*.c", 0);
  one(".*", 0);
  one("*", GLOB_PERIOD);
  one("?.txt", 0);
  one("[ab].*", 0);
  one("[!a]*.txt", 0);
  one("d*", GLOB_MARK);
  one("nomatch*", 0);
  one("nomatch*", GLOB_NOCHECK);
  one("missing.txt", GLOB_NOMAGIC);
  one("missing.txt", 0);
  one("a.txt", 0);
  one("d1/x.c", 0);
  one("d1/*/x", 0);
  one("*/", 0);
  one("star\\*", 0);
  one("star\\*", GLOB_NOESCAPE);
  one("d2/*", 0);
  one("d2/*", GLOB_PERIOD);
  glob_t found;
  memset(&found, 0, sizeof found);
  found.gl_offs = 2;
  int first = glob("*.txt", GLOB_DOOFFS, NULL, &found);
  int second = glob("d1/x.c", GLOB_DOOFFS | GLOB_APPEND, NULL, &found);
  show("offsets 2 then append", first | second, &found);
  memset(&found, 0, sizeof found);
  int unsorted = glob("*.txt", GLOB_NOSORT, NULL, &found);
  printf("nosort: %d count %zu\n", unsorted, found.gl_pathc);
  globfree(&found);
  return 0;
}
