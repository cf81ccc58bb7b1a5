// gpu-c++ -fgpuvm-backtrace: a VM that aborts or crashes prints its active
// functions, innermost first, demangled, and with -g the file:line of each
// one's definition and of the call it is in (a call inlined into it names
// the inlined functions too); one that exits prints nothing. VM 0 exits;
// VM 1 aborts three calls deep, in an inlined helper; VM 2 recurses 100
// deep and aborts (the innermost 64 shown, the rest counted); VM 3 longjmps
// out of two calls and then aborts, which must not show them; VM 4 writes
// wild, which confinement stops; VM 5 frees a stack address.
// utils/gpu-check runs it on the GPU too (without setjmp, which GPUs lack).
// RUN: %gpucxx --target=host -g -O2 -fgpuvm-backtrace %s -o %t.img
// RUN: not %gpuvm run %t.img --vms 6 > %t.out 2> %t.err
// RUN: not grep -F '[vm 0] backtrace' %t.err
// RUN: grep -F '[vm 1]' %t.err | FileCheck %s --check-prefix=VM1
// VM1: backtrace, innermost first:
// VM1-NEXT:   #0 abort
// VM1-NEXT:   #1 shapes::Square::check(int) const ({{.*}}backtrace.cpp:[[@LINE+50]])
// VM1-SAME:   at {{.*}}backtrace.cpp:[[@LINE+50]]
// VM1-SAME:   > require_at_most(int, int) {{.*}}backtrace.cpp:[[@LINE+42]]{{$}}
// VM1-NEXT:   #2 void visit<shapes::Square>(shapes::Square const&, int)
// VM1-SAME:   ({{.*}}backtrace.cpp:[[@LINE+53]]) at {{.*}}backtrace.cpp:[[@LINE+54]]{{$}}
// VM1-NEXT:   #3 main ({{.*}}backtrace.cpp:[[@LINE+93]]) at {{.*}}backtrace.cpp:[[@LINE+99]]{{$}}
// RUN: grep -F '[vm 2]' %t.err | FileCheck %s --check-prefix=VM2
// VM2:      #0 abort
// VM2-COUNT-63: recurse(int)
// VM2-NEXT: (and {{[0-9]+}} frames further out)
// RUN: grep -F '[vm 3]' %t.err | FileCheck %s --check-prefix=VM3
// VM3:      #0 abort
// VM3-NEXT: #1 main
// VM3-NOT: jump_from
// RUN: grep -F '[vm 4]' %t.err | FileCheck %s --check-prefix=VM4
// VM4:      #0 scribble(char*, long)
// VM4-NEXT: #1 main
// RUN: grep -F '[vm 5]' %t.err | FileCheck %s --check-prefix=VM5
// VM5:      #0 abort
// VM5:      #{{[0-9]}} free
// VM5-NEXT: #{{[0-9]}} main
// RUN: FileCheck %s --check-prefix=SUMMARY < %t.err
// SUMMARY-DAG: 1 exited with status 0 (vm 0)
// SUMMARY-DAG: 4 aborted (status 134) (vm 1, 2, 3, 5)
// SUMMARY-DAG: vm 4 crashed: wild write
//
// Without the flag, the same crashes print no backtrace.
// RUN: %gpucxx --target=host -O2 %s -o %t.plain.img
// RUN: not %gpuvm run %t.plain.img --vms 6 > /dev/null 2> %t.plain.err
// RUN: FileCheck %s --check-prefix=PLAIN < %t.plain.err
// PLAIN-NOT: backtrace
// PLAIN: 4 aborted
//
// AMD images take the ring too (its globals in address space 1; no GPU here
// to run them).
// RUN: %gpucxx --target=amdgcn -O2 -fgpuvm-backtrace %s -o %t.amdgcn.img
// RUN: %gpuvm inspect %t.amdgcn.img | FileCheck %s --check-prefix=AMDGCN
// AMDGCN: target: amdgcn
#include <gpuvm.h>
#include <stdio.h>
#include <stdlib.h>

static inline __attribute__((always_inline)) void require_at_most(int value, int limit) {
  if (value > limit)
    abort(); // HELPER_ABORT
}

namespace shapes {
struct Square {
  int side;
  __attribute__((noinline)) void check(int limit) const { // CHECK_DEF
    require_at_most(side, limit);                         // CHECK_CALL
  }
};
} // namespace shapes

template <class Shape>
__attribute__((noinline)) void visit(const Shape &shape, int limit) { // VISIT_DEF
  shape.check(limit);                                                 // VISIT_CALL
}

static volatile int sink;

// Returns where it is not VM 2, and stores after each call, so that the
// compiler can neither fold the recursion away nor make it a loop.
__attribute__((noinline)) int recurse(int depth) {
  if (depth == 0) {
    if (gpuvm_vm_id() == 2)
      abort();
    return 0;
  }
  int below = recurse(depth - 1);
  sink = below;
  return below + 1;
}

#if !defined(__NVPTX__) && !defined(__AMDGPU__)
#include <setjmp.h>

static jmp_buf env;

__attribute__((noinline)) void jump_from_inner() {
  longjmp(env, 1);
}
__attribute__((noinline)) void jump_from_outer() {
  jump_from_inner();
  puts("not reached");
}
#endif

// Through a volatile pointer, so that the compiler cannot see the target.
static char *volatile launder;

__attribute__((noinline)) void scribble(char *at, long n) {
  for (long i = 0; i < n; ++i)
    at[i * 4096] = 1;
}

int main() { // MAIN_DEF
  unsigned id = gpuvm_vm_id();
  shapes::Square square{int(id)};
  char local[16];
  switch (id) {
  case 1:
    visit(square, 0); // MAIN_CALL
    break;
  case 2:
    return recurse(100);
  case 3:
#if !defined(__NVPTX__) && !defined(__AMDGPU__)
    if (!setjmp(env))
      jump_from_outer();
#endif
    abort();
  case 4:
    launder = local;
    scribble(launder, 1 << 30);
    break;
  case 5:
    launder = local;
    free(launder);
    break;
  }
  printf("vm %u finished\n", id);
  return 0;
}
