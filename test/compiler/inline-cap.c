// --max-inline-size: past N LLVM instructions, a function inlines only
// callees of at most 64 more. big_callee (defined in another object, so only
// the link can inline it) is larger than that: under a cap of 1 it stays a
// function of its own on every target; without a cap (the host's default)
// and under nvptx's default of 10000 it is inlined into main.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gpucxx --target=host -O2 -c -DCALLEE %s -o %t/callee.host.o
// RUN: %gpucxx --target=host -O2 -c %s -o %t/caller.host.o
// RUN: %gpucxx --target=host %t/callee.host.o %t/caller.host.o -o %t/default.img
// RUN: llvm-nm %t/default.img | FileCheck %s --check-prefix=INLINED
// RUN: %gpucxx --target=host --max-inline-size 1 %t/callee.host.o %t/caller.host.o -o %t/capped.img
// RUN: llvm-nm %t/capped.img | FileCheck %s --check-prefix=CALLED
// RUN: gcc -O2 -DCALLEE -c %s -o %t/callee.o && gcc -O2 -c %s -o %t/caller.o
// RUN: gcc %t/callee.o %t/caller.o -o %t/native && %t/native > %t/native.out
// RUN: %gpuvm run %t/capped.img --console raw > %t/capped.out
// RUN: diff %t/native.out %t/capped.out
// INLINED-NOT: big_callee
// CALLED: t big_callee
//
// RUN: %gpucxx --target=nvptx -O2 -c -DCALLEE %s -o %t/callee.nvptx.o
// RUN: %gpucxx --target=nvptx -O2 -c %s -o %t/caller.nvptx.o
// RUN: env GPUVM_CUDA_PATH=%t/none %gpucxx --target=nvptx %t/callee.nvptx.o %t/caller.nvptx.o -o %t/default.ptx
// RUN: FileCheck %s --check-prefix=PTX-INLINED < %t/default.ptx
// RUN: env GPUVM_CUDA_PATH=%t/none %gpucxx --target=nvptx --max-inline-size=1 %t/callee.nvptx.o %t/caller.nvptx.o -o %t/capped.ptx
// RUN: FileCheck %s --check-prefix=PTX-CALLED < %t/capped.ptx
// PTX-INLINED-NOT: big_callee
// PTX-CALLED: call.uni (retval0), big_callee
//
//
// The cap holds in each unit's own optimization too (gpu-c++ hands it to
// clang): both functions in one unit, compiled and linked under a cap of 1.
// RUN: %gpucxx --target=nvptx -O2 -c -DBOTH --max-inline-size=1 %s -o %t/both.nvptx.o
// RUN: env GPUVM_CUDA_PATH=%t/none %gpucxx --target=nvptx --max-inline-size=1 %t/both.nvptx.o -o %t/both.ptx
// RUN: FileCheck %s --check-prefix=PTX-CALLED < %t/both.ptx
// RUN: %gpucxx --target=host -O2 -c -DBOTH --max-inline-size=1 %s -o %t/both.host.o
// RUN: %gpucxx --target=host --max-inline-size=1 %t/both.host.o -o %t/both.img
// RUN: llvm-nm %t/both.img | FileCheck %s --check-prefix=CALLED
// RUN: not %gpucxx --target=host --max-inline-size=-3 %s -o %t/bad.img 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: gpu-c++: error: invalid --max-inline-size '-3' (expected a number of instructions)
#include <stdio.h>

#ifdef BOTH
// Static, so that without a cap the unit's own optimization inlines it.
#define LINKAGE static
#else
#define LINKAGE
#endif
#if defined(CALLEE) || defined(BOTH)
// Running sums over the text, each printed: well over 64 instructions.
LINKAGE int big_callee(const char *text) {
  unsigned a = 0, b = 0, c = 0, d = 0, e = 0, f = 1, g = 0, h = 0;
  for (int i = 0; text[i]; ++i) {
    unsigned x = (unsigned)text[i];
    a += x % 2;
    b = b * 31 + x;
    c ^= x << (i % 8);
    d += (unsigned)i * x;
    e = (e >> 1) | (x << 24);
    f = f * (x | 1) % 65521;
    g += x / 3 + (x % 7 == 0 ? 5 : 0);
    h = h > x ? h - x : h + 2 * x;
  }
  printf("%u %u %u %u\n", a % 97, b % 89, c % 83, d % 79);
  printf("%u %u %u %u\n", e % 73, f % 71, g % 67, h % 61);
  return (int)(a + b + c + d + e + f + g + h);
}
#endif
#ifndef CALLEE
LINKAGE int big_callee(const char *text);

int main(int argc, char **argv) {
  return big_callee(argc > 1 ? argv[1] : "hello, world") == 12345;
}
#endif
