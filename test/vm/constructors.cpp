// Constructors and destructors of globals, function-local statics and atexit
// handlers run once per VM, in that VM.
// RUN: %gpucxx --target=host -O2 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 300 --console raw 2>%t.err | sort | uniq -c | FileCheck %s
// RUN: FileCheck %s --check-prefix=SUMMARY < %t.err
// CHECK: 300 atexit
// CHECK-NEXT: 300 ctor
// CHECK-NEXT: 300 dtor
// CHECK-NEXT: 300 local ctor
// CHECK-NEXT: 300 local dtor
// CHECK-NEXT: 300 main sees 1 construction
// SUMMARY: 300 exited with status 0
#include <stdio.h>
#include <stdlib.h>

static int constructions;

struct Noisy {
  Noisy(const char *name) : name(name) {
    ++constructions;
    printf("%s\n", name);
  }
  ~Noisy() { printf("%s\n", name[0] == 'c' ? "dtor" : "local dtor"); }
  const char *name;
};

Noisy global_object("ctor");

static Noisy &local_object() {
  static Noisy object("local ctor");
  return object;
}

int main() {
  atexit([] { printf("atexit\n"); });
  printf("main sees %d construction\n", constructions);
  local_object();
  local_object();
  return 0;
}
