// ptxas merges neighbouring accesses of a variable-length array (PTX's
// alloca) into 16-byte ones, as if alloca gave 16-byte aligned memory, while
// it gives what was asked: this program, its arrays of int asked at 8,
// faulted the whole launch on an H100 (misaligned local address). gpu-c++
// asks for 16 where the arrays stay on PTX's stack (-fno-gpuvm-sfi);
// confined images put them in the light kernel's arena instead
// (compiler/passes/StackArrays.h), and have no PTX alloca at all.
// The image is PTX text here (no ptxas under GPUVM_CUDA_PATH).
// RUN: env GPUVM_CUDA_PATH=%t.none %gpucxx --target=nvptx -O2 -fno-gpuvm-sfi %s -o %t.ptx
// RUN: FileCheck %s < %t.ptx
// CHECK: alloca.u64 {{%rd[0-9]+}}, {{%rd[0-9]+}}, 16;
// CHECK-NOT: alloca.u64 {{%rd[0-9]+}}, {{%rd[0-9]+}}, {{[1-9]}};
// RUN: env GPUVM_CUDA_PATH=%t.none %gpucxx --target=nvptx -O2 %s -o %t.confined.ptx
// RUN: FileCheck %s --check-prefix=ARENA --implicit-check-not=alloca.u64 \
// RUN:   --implicit-check-not=stacksave < %t.confined.ptx
// ARENA: call.uni (retval0), __gpuvm_arena_alloc,
#include <stdio.h>

int main(int argc, char **argv) {
  (void)argv;
  int total = 0;
  for (int round = 1; round <= 200; ++round) {
    int n = (round * 37) % 97 + argc;
    volatile int values[n];
    for (int i = 0; i < n; ++i)
      values[i] = i * round;
    for (int i = 0; i < n; ++i)
      total += values[i];
  }
  printf("loop %d\n", total);
  return 0;
}
