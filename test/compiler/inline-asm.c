// Inline assembly in a confined program could write anywhere, where no check
// sees it: gpu-c++ refuses it, on every target, and says where. An empty
// string (the usual optimization barrier) is allowed, and -fno-gpuvm-sfi
// links anyway. (x86-64 statements that touch registers only are allowed:
// register-only-asm.c.)
// RUN: not %gpucxx --target=host -O2 -g %s -o %t.img 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not %gpucxx --target=nvptx -O2 %s -o %t.nvptx.img 2>&1 | FileCheck %s --check-prefix=NVPTX
// CHECK: gpu-c++: error: poke ({{.*}}inline-asm.c:[[#]]) uses inline assembly ('movq {{.*}}'), which confinement cannot check (-fno-gpuvm-sfi links it unconfined)
// CHECK-NOT: barrier
// NVPTX: gpu-c++: error: poke uses inline assembly ('st.u64 {{.*}}')
// A main without parameters is renamed inside gpu-c++; the message names it main.
// RUN: not %gpucxx --target=host -O2 -DONLY_BARRIER -DIN_MAIN %s -o %t.main.img 2>&1 | FileCheck %s --check-prefix=MAIN
// MAIN: gpu-c++: error: main uses inline assembly ('syscall')
// RUN: %gpucxx --target=host -O2 -DONLY_BARRIER %s -o %t.ok.img
// RUN: %gpucxx --target=host -O2 -fno-gpuvm-sfi %s -o %t.unconfined.img
#include <stdint.h>

uintptr_t barrier(uintptr_t value) {
  __asm__ volatile("" : "+r"(value));
  return value;
}

#ifndef ONLY_BARRIER
void poke(uintptr_t *at) {
#ifdef __x86_64__
  __asm__ volatile("movq $0, (%0)" : : "r"(at) : "memory");
#else
  __asm__ volatile("st.u64 [%0], 0;" : : "l"(at) : "memory");
#endif
}
#endif

int main(void) {
#ifdef IN_MAIN
  __asm__ volatile("syscall" : : : "rcx", "r11", "memory");
#endif
  return (int)barrier(0);
}
