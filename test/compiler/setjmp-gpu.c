// <setjmp.h> on a GPU target is a compile error that says why.
// RUN: not %gpucxx --target=nvptx -c %s -o %t.nvptx.o 2>&1 | FileCheck %s
// RUN: not %gpucxx --target=amdgcn -c %s -o %t.amdgcn.o 2>&1 | FileCheck %s
// CHECK: error: "setjmp/longjmp are not available on GPU targets (nvptx, amdgcn): GPU threads cannot restore a saved stack"
#include <setjmp.h>

static jmp_buf env;

int main(void) {
  if (setjmp(env))
    return 1;
  longjmp(env, 1);
}
