// A failed allocation sets ENOMEM even when the optimizer sees the errno
// read right after the call (LLVM assumes allocators leave errno alone; its
// issue 63142): malloc, calloc, realloc, aligned_alloc, strdup.
// RUN: %gpucxx --target=host -O2 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 8 --mem-per-vm 1M --console raw | sort | uniq -c | FileCheck %s
// RUN: %gpucxx --target=host -O0 %s -o %t0.img
// RUN: %gpuvm run %t0.img --vms 8 --mem-per-vm 1M --console raw | sort | uniq -c | FileCheck %s
// CHECK: 8 malloc 1 calloc 1 realloc 1 aligned_alloc 1 strdup 1
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *volatile sink;

static int failed_with_enomem(void *result) {
  int enomem = errno == ENOMEM;
  sink = result;
  errno = 0;
  return result == NULL && enomem;
}

int main(void) {
  static char big_text[512 * 1024];
  memset(big_text, 'x', sizeof big_text - 1);
  errno = 0;
  int m = failed_with_enomem(malloc((size_t)1 << 40));
  int c = failed_with_enomem(calloc((size_t)1 << 20, (size_t)1 << 20));
  int r = failed_with_enomem(realloc(NULL, (size_t)1 << 40));
  int a = failed_with_enomem(aligned_alloc(64, (size_t)1 << 40));
  int s = failed_with_enomem(strdup(big_text));
  printf("malloc %d calloc %d realloc %d aligned_alloc %d strdup %d\n", m, c, r, a, s);
  return 0;
}
