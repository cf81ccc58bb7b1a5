// Every VM has its own globals, static locals, class statics and heap: each
// VM writes its id everywhere, yields so that the others run on the same
// worker, then reads its own values back.
// RUN: %gpucxx --target=host -O2 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 1000 --workers 2 --console raw 2>%t.err | sort | uniq -c | FileCheck %s
// RUN: FileCheck %s --check-prefix=SUMMARY < %t.err
// CHECK-NOT: BAD
// CHECK: 1000 ok
// CHECK-NOT: BAD
// SUMMARY: gpuvm: 1000 VMs on host:
// SUMMARY-NEXT: 1000 exited with status 0
#include <gpuvm.h>
#include <stdio.h>
#include <stdlib.h>

int global_value;
int initialized_global = 7;
int *pointer_to_global = &initialized_global;
static char buffer[256];

struct Counter {
  static int instances;
};
int Counter::instances;

static int *static_local() {
  static int value = 100;
  return &value;
}

int main() {
  unsigned id = gpuvm_vm_id();
  global_value = int(id);
  initialized_global += int(id);
  Counter::instances = int(id) * 2;
  *static_local() += int(id);
  snprintf(buffer, sizeof buffer, "vm-%u", id);
  int *heap = static_cast<int *>(malloc(64 * sizeof(int)));
  for (int i = 0; i < 64; ++i)
    heap[i] = int(id) + i;

  for (int round = 0; round < 3; ++round)
    gpuvm_yield();

  char expected[32];
  snprintf(expected, sizeof expected, "vm-%u", id);
  bool ok = global_value == int(id) && initialized_global == 7 + int(id) &&
            *pointer_to_global == 7 + int(id) && Counter::instances == int(id) * 2 &&
            *static_local() == 100 + int(id);
  for (int i = 0; buffer[i] || expected[i]; ++i)
    ok = ok && buffer[i] == expected[i];
  for (int i = 0; i < 64; ++i)
    ok = ok && heap[i] == int(id) + i;
  free(heap);
  if (!ok) {
    printf("BAD vm %u: global %d initialized %d static %d\n", id, global_value,
           initialized_global, *static_local());
    return 1;
  }
  printf("ok\n");
  return 0;
}
