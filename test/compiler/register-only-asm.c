// x86-64 inline assembly that touches registers only (what zstd and BLAKE3
// hold: cpuid and xgetbv feature tests, a branch-free cmp/cmova, nop and
// .p2align padding) links confined and runs in VMs as natively; anything
// that could reach memory, the stack or control flow, or that writes a
// register the statement does not declare, is refused with its place.
// RUN: rm -rf %t && mkdir -p %t
// RUN: clang-22 -O2 %s -o %t/native && %t/native > %t/expected
// RUN: %gpucxx --target=host -O2 %s -o %t/ok.img
// RUN: %gpuvm run %t/ok.img --vms 16 --log-dir %t/logs 2>&1 | FileCheck %s --check-prefix=STATUS
// RUN: diff %t/expected %t/logs/vm-15.out
// RUN: FileCheck %s --check-prefix=OUT < %t/logs/vm-0.out
// STATUS-NOT: crash
// STATUS: 16 exited with status 0
// OUT: cpuid leaves>0 1
// OUT: min 7 3 -> 3
// OUT: mixed 2863311530
// RUN: not %gpucxx --target=host -O2 -g -DREFUSED=1 %s -o %t/r.img 2>&1 | FileCheck %s --check-prefix=PUSH
// PUSH: error: refused ({{.*}}register-only-asm.c:[[#]]) uses inline assembly ('pushq %rbx; cpuid; popq %rbx')
// RUN: not %gpucxx --target=host -O2 -DREFUSED=2 %s -o %t/r.img 2>&1 | FileCheck %s --check-prefix=UNDECLARED
// UNDECLARED: error: refused uses inline assembly ('cpuid')
// RUN: not %gpucxx --target=host -O2 -DREFUSED=3 %s -o %t/r.img 2>&1 | FileCheck %s --check-prefix=INPUT
// INPUT: error: refused uses inline assembly ('addq $1, %0')
// RUN: not %gpucxx --target=host -O2 -DREFUSED=4 %s -o %t/r.img 2>&1 | FileCheck %s --check-prefix=STACK
// STACK: error: refused uses inline assembly ('addq $8, %rsp')
// RUN: not %gpucxx --target=host -O2 -DREFUSED=5 %s -o %t/r.img 2>&1 | FileCheck %s --check-prefix=MEMORY
// MEMORY: error: refused uses inline assembly ('movl %1, %0')
// RUN: not %gpucxx --target=host -O2 -DREFUSED=6 %s -o %t/r.img 2>&1 | FileCheck %s --check-prefix=JUMP
// JUMP: error: refused uses inline assembly ('jmp 1f; 1:')
// RUN: not %gpucxx --target=host -O2 -DREFUSED=7 %s -o %t/r.img 2>&1 | FileCheck %s --check-prefix=STRING
// STRING: error: refused uses inline assembly ('movsb')
// RUN: not %gpucxx --target=host -O2 -DREFUSED=8 %s -o %t/r.img 2>&1 | FileCheck %s --check-prefix=INTEL
// INTEL: error: refused uses inline assembly ('.intel_syntax noprefix; mov eax, 1; .att...')
// INTEL-NOT: error
// The same cpuid as max_leaf, in bitcode that does not declare the flags
// clobbered (clang always does; a hand-made object need not).
// RUN: %gpucxx --target=host -O2 -S -emit-llvm -DREFUSED=9 %s -o - | sed 's/,~{flags}//g' > %t/noflags.ll
// RUN: llvm-as %t/noflags.ll -o %t/noflags.o
// RUN: not %gpucxx --target=host -O2 %t/noflags.o -o %t/r.img 2>&1 | FileCheck %s --check-prefix=NOFLAGS
// NOFLAGS: error: refused uses inline assembly ('cpuid')
#include <stdint.h>
#include <stdio.h>

static unsigned max_leaf(void) {
  unsigned leaves;
  __asm__("cpuid" : "=a"(leaves) : "a"(0) : "ebx", "ecx", "edx");
  return leaves;
}

// zstd's ZSTD_selectAddr shape: the smaller of two without a branch.
static uint64_t smaller(uint64_t a, uint64_t b) {
  uint64_t result = b;
  __asm__("cmp %1, %2\n\tcmova %1, %0" : "+r"(result) : "r"(a), "r"(b));
  return result;
}

static uint32_t mixed(uint32_t x) {
  __asm__(".p2align 4\n\tnop\n\tshll $1, %0; xorl %1, %0; notl %0" : "+r"(x) : "r"(0x55555555u));
  return x;
}

#ifdef REFUSED
__attribute__((noinline)) unsigned refused(unsigned *p, uint64_t x) {
  unsigned v = 0;
#if REFUSED == 1 // the stack: a push writes memory
  __asm__ volatile("pushq %%rbx\n\tcpuid\n\tpopq %%rbx" : "=a"(v) : "a"(0) : "ecx", "edx");
#elif REFUSED == 2 // cpuid writes ebx, which nobody declared
  __asm__ volatile("cpuid" : "=a"(v) : "a"(0) : "ecx", "edx");
#elif REFUSED == 3 // writes an input the compiler thinks unchanged
  __asm__ volatile("addq $1, %0" : : "r"(x));
#elif REFUSED == 4
  __asm__ volatile("addq $8, %%rsp" : : :);
#elif REFUSED == 5 // a memory operand
  __asm__ volatile("movl %1, %0" : "=r"(v) : "m"(*p));
#elif REFUSED == 6
  __asm__ volatile("jmp 1f\n1:" : : :);
#elif REFUSED == 7 // a string move: implicit memory through rsi and rdi
  __asm__ volatile("movsb" : : : "rsi", "rdi", "memory");
#elif REFUSED == 8
  __asm__ volatile(".intel_syntax noprefix\n\tmov eax, 1\n\t.att_syntax" : : : "eax");
#elif REFUSED == 9
  __asm__ volatile("cpuid" : "=a"(v) : "a"(0) : "ebx", "ecx", "edx");
#endif
  return v + (unsigned)x + *p;
}
#endif

int main(void) {
  printf("cpuid leaves>0 %d\n", max_leaf() > 0);
  printf("min 7 3 -> %llu\n", (unsigned long long)smaller(7, 3));
  printf("mixed %u\n", mixed(0));
#ifdef REFUSED
  unsigned value = 1;
  printf("%u\n", refused(&value, 2));
#endif
  return 0;
}
