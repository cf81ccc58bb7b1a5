// A VM's memory starts zeroed, as a Linux process's fresh pages do, whatever
// the machine held before: a first run fills its VMs' heaps with a pattern,
// a second run's VMs find every byte of the heap they never wrote zero. (On
// CUDA the second run's slices are mostly the first run's memory again:
// utils/gpu-check runs it there.)
// RUN: %gpucxx --target=host -O2 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 8 --mem-per-vm 1M --console raw -- dirty | sort | uniq -c | FileCheck %s --check-prefix=DIRTY
// DIRTY: 8 dirtied
// RUN: %gpuvm run %t.img --vms 8 --mem-per-vm 1M --console raw -- check | sort | uniq -c | FileCheck %s
// CHECK: 8 fresh memory zero
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  const int dirty = argc > 1 && strcmp(argv[1], "dirty") == 0;
  size_t total = 0, nonzero = 0;
  // Until the heap is full: every block is memory this run never wrote.
  for (unsigned char *block; (block = malloc(16384)) != NULL; total += 16384) {
    if (dirty)
      memset(block, 0x5a, 16384);
    else
      for (size_t i = 0; i < 16384; ++i)
        nonzero += block[i] != 0;
  }
  if (total < 512 * 1024)
    printf("only %zu bytes of heap\n", total);
  else if (dirty)
    printf("dirtied\n");
  else if (nonzero)
    printf("fresh memory not zero: %zu of %zu bytes\n", nonzero, total);
  else
    printf("fresh memory zero\n");
  return 0;
}
