// How each VM ends is reported exactly: return, exit(), abort() and a crash,
// and a crash ends only its own VM.
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: not %gpuvm run %t.img --vms 1000 --status-file %t.status > %t.out 2> %t.err
// RUN: FileCheck %s < %t.err
// CHECK: gpuvm: vm 3 crashed: wild write of 4 bytes at 0x10
// CHECK: gpuvm: 1000 VMs on host:
// CHECK-NEXT: 250 exited with status 0 (vm 0, 4, 8, 12, 16, ...)
// CHECK-NEXT: 250 exited with status 3 (vm 1, 5, 9, 13, 17, ...)
// CHECK-NEXT: 250 aborted (status 134) (vm 2, 6, 10, 14, 18, ...)
// CHECK-NEXT: 250 crashed (signal 11) (vm 3, 7, 11, 15, 19, ...)
// RUN: grep -c "crash 139" %t.status | FileCheck %s --check-prefix=COUNT
// RUN: grep -c "exit 0" %t.status | FileCheck %s --check-prefix=COUNT
// COUNT: 250
// The VMs after a crashed one still ran to their end.
// RUN: grep -c "finished" %t.out | FileCheck %s --check-prefix=FINISHED
// FINISHED: 500
// Unconfined, the same store is the hardware's fault, caught by the host
// backend's signal handler: the same VMs end the same way.
// RUN: %gpucxx --target=host -O1 -fno-gpuvm-sfi %s -o %t.unconfined.img
// RUN: not %gpuvm run %t.unconfined.img --allow-unconfined --vms 1000 2>&1 >/dev/null \
// RUN:   | FileCheck %s --check-prefix=SIGNAL
// SIGNAL: gpuvm: vm 3 crashed: Segmentation fault at address 0x10
// SIGNAL: 250 crashed (signal 11) (vm 3, 7, 11, 15, 19, ...)
#include <gpuvm.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  unsigned id = gpuvm_vm_id();
  gpuvm_yield();
  switch (id % 4) {
  case 0:
    printf("finished\n");
    return 0;
  case 1:
    printf("finished\n");
    exit(3);
  case 2:
    abort();
  default: {
#ifdef GPUVM_TEST_NO_CRASH
    return 5; /* on CUDA a fault ends every VM of the launch */
#else
    volatile int *bad = (int *)16;
    *bad = 1;
    return 9;
#endif
  }
  }
}
