// A VM that allocates until its slice is full gets NULL and ENOMEM, never
// memory of another VM; the others are untouched.
// RUN: %gpucxx --target=host -O2 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 64 --mem-per-vm 256K --console raw | sort | uniq -c | FileCheck %s
// CHECK: 64 enomem ok
#include <errno.h>
#include <gpuvm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  unsigned char mark = (unsigned char)gpuvm_vm_id();
  void *blocks[256]; /* small: a CUDA VM has a 16 KiB stack */
  int count = 0;
  size_t total = 0;
  while (count < 256) {
    void *p = malloc(4096);
    if (!p)
      break;
    memset(p, mark, 4096);
    blocks[count++] = p;
    total += 4096;
    if (count % 8 == 0)
      gpuvm_yield();
  }
  int saw_enomem = errno == ENOMEM;
  int intact = 1;
  for (int i = 0; i < count; ++i)
    for (int j = 0; j < 4096; ++j)
      intact &= ((unsigned char *)blocks[i])[j] == mark;
  for (int i = 0; i < count; ++i)
    free(blocks[i]);
  void *again = malloc(100 * 1024);
  printf("%s %s\n", saw_enomem && total > 128 * 1024 && total < 256 * 1024 ? "enomem" : "NO-ENOMEM",
         intact && again ? "ok" : "CORRUPT");
  return 0;
}
