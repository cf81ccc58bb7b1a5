// A throw or a try is a compile error on every target, with gpu-c++'s note
// saying why and what to do instead, after clang's own diagnostic (whose
// file:line stays first). The note comes once however many throws there are.
// RUN: not %gpucxx --target=nvptx -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=CHECK,GPU -DTARGET=nvptx
// RUN: not %gpucxx --target=amdgcn -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=CHECK,GPU -DTARGET=amdgcn
// RUN: not %gpucxx --target=host %s -o %t.img 2>&1 | FileCheck %s --check-prefixes=CHECK,HOST -DTARGET=host
// CHECK: throw.cpp:[[@LINE+13]]:5: error: cannot use 'throw' with exceptions disabled
// CHECK: throw.cpp:[[@LINE+16]]:3: error: cannot use 'try' with exceptions disabled
// CHECK: 2 errors generated.
// CHECK-NEXT: gpu-c++: note: C++ exceptions (throw, try) are not supported on gpuvm's [[TARGET]] target:
// GPU-SAME: a GPU thread cannot unwind its stack. Return the error instead.
// HOST-SAME: they are off on every gpuvm target
// CHECK-NOT: gpu-c++: note
// C has no exceptions and gets no note; clang's other errors pass through as they were.
// RUN: echo 'int f(void) { return missing; }' > %t.c
// RUN: not %gpucxx --target=nvptx -c %t.c -o %t.o 2>&1 | FileCheck %s --check-prefix=OTHER --implicit-check-not=gpu-c++
// OTHER: error: use of undeclared identifier 'missing'
int checked(int x) {
  if (x < 0)
    throw x;
  return x;
}
int guarded(int x) {
  try {
    return checked(x);
  } catch (int) {
    return 0;
  }
}
