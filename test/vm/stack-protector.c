// -fstack-protector-all on the host: VM 1 overflows a local buffer through a
// volatile index the compiler cannot see through; its canary check ends it
// alone, with glibc's message and SIGABRT's status, while VM 0 runs to the end.
// RUN: %gpucxx --target=host -O1 -fstack-protector-all %s -o %t.img
// RUN: not %gpuvm run %t.img --vms 2 --console raw > %t.out 2> %t.err
// RUN: FileCheck %s < %t.err
// CHECK-DAG: *** stack smashing detected ***: terminated
// CHECK-DAG: 1 exited with status 0 (vm 0)
// CHECK-DAG: 1 aborted (status 134) (vm 1)
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// OUT: vm 0 finished
// OUT-NOT: vm 1 finished
#include <gpuvm.h>
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) static int fill(unsigned count) {
  volatile char buffer[16];
  volatile unsigned limit = count;
  for (unsigned i = 0; i < limit; ++i)
    buffer[i] = 'x';
  return buffer[0];
}

int main(void) {
  unsigned id = gpuvm_vm_id();
  fill(id == 1 ? 64 : 16);
  printf("vm %u finished\n", id);
  return 0;
}
