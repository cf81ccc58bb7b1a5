// free() and realloc() of pointers that no allocation returned end that VM
// alone, with glibc's words, the pointer, and what is wrong with it: VM 0
// frees well and finishes; VM 1 frees a stack address, VM 2 frees one block
// twice, VM 3 frees the middle of a block, VM 4 overruns a block into the
// next one's header and frees that one, VM 5 reallocates a stack address.
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: not %gpuvm run %t.img --vms 6 > %t.out 2> %t.err
// RUN: FileCheck %s < %t.err
// CHECK-DAG: [vm 1] free(): invalid pointer 0x{{[0-9a-f]+}} (not in the heap)
// CHECK-DAG: [vm 2] free(): invalid pointer 0x{{[0-9a-f]+}} (freed already, or not where an allocation starts)
// CHECK-DAG: [vm 3] free(): invalid pointer 0x{{[0-9a-f]+}} (not where an allocation starts)
// CHECK-DAG: [vm 4] free(): invalid pointer 0x{{[0-9a-f]+}} (not where an allocation starts, or the header before it is overwritten)
// CHECK-DAG: [vm 5] realloc(): invalid pointer 0x{{[0-9a-f]+}} (not in the heap)
// CHECK-DAG: 1 exited with status 0 (vm 0)
// CHECK-DAG: 5 aborted (status 134) (vm 1, 2, 3, 4, 5)
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// OUT: vm 0 finished
// OUT-NOT: finished
#include <gpuvm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Through a volatile pointer, so that the compiler cannot see the misuse.
static void *volatile launder;

int main(void) {
  unsigned id = gpuvm_vm_id();
  char local[32] = {0};
  char *block = malloc(64), *next = malloc(64);
  switch (id) {
  case 1:
    launder = local;
    free(launder);
    break;
  case 2:
    free(block);
    launder = block;
    free(launder);
    break;
  case 3:
    launder = block + 8;
    free(launder);
    break;
  case 4:
    launder = block;
    memset(launder, 0, 64 + 16); // through next's header
    free(next);
    break;
  case 5:
    launder = local;
    launder = realloc(launder, 100);
    break;
  default:
    free(block);
    free(next);
  }
  printf("vm %u finished%s\n", id, local);
  return 0;
}
