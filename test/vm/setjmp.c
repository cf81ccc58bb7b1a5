// setjmp/longjmp on the host target, in 50 VMs: a jump out of nested calls
// restores the callee-saved registers and the stack, longjmp(env, 0) makes
// setjmp return 1, _setjmp/_longjmp work alike, sigsetjmp(env, 1) restores
// the signal mask and sigsetjmp(env, 0) leaves it.
// RUN: %gpucxx --target=host -O2 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 50 --console raw 2>%t.err | sort | uniq -c | FileCheck %s --implicit-check-not=FAIL
// CHECK: 50 ok 1+2+3+4+5+6 steps
// RUN: FileCheck %s --check-prefix=SUMMARY < %t.err
// SUMMARY: 50 exited with status 0
#include <gpuvm.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>

#include "Inputs/expect.h"

static jmp_buf env;
static sigjmp_buf sigenv;

__attribute__((noinline)) static void deep(int depth, int value) {
  volatile char pad[64];
  pad[depth % 64] = (char)depth;
  if (depth == 0)
    longjmp(env, value);
  deep(depth - 1, value + pad[depth % 64] * 0);
}

static int blocked(int sig) {
  sigset_t now;
  sigprocmask(SIG_BLOCK, NULL, &now);
  return sigismember(&now, sig);
}

int main(void) {
  /* Values live in callee-saved registers across the call at -O2. */
  int steps = 0;
  long a = gpuvm_vm_id() + 1000, b = a * 3, c = a ^ 0x55;
  volatile int round = 0;
  int got = setjmp(env);
  ++round;
  if (got == 0) {
    deep(20, 7);
    printf("FAIL longjmp returned\n");
  } else if (got == 7) {
    EXPECT(round == 2);
    ++steps;
    deep(5, 0); /* 0 becomes 1 */
  } else {
    EXPECT(got == 1 && round == 3);
    ++steps;
  }
  EXPECT(a == gpuvm_vm_id() + 1000 && b == a * 3 && c == (a ^ 0x55));

  volatile int hops = 0;
  if (_setjmp(env) < 3) {
    ++hops;
    _longjmp(env, hops + 1);
  }
  EXPECT(hops == 2);
  ++steps;

  /* sigsetjmp(env, 1): the mask of the sigsetjmp comes back. */
  sigset_t usr1;
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);
  if (sigsetjmp(sigenv, 1) == 0) {
    sigprocmask(SIG_BLOCK, &usr1, NULL);
    EXPECT(blocked(SIGUSR1));
    siglongjmp(sigenv, 1);
  }
  EXPECT(!blocked(SIGUSR1));
  ++steps;

  /* sigsetjmp(env, 0) and setjmp leave the mask as the jump found it. */
  if (sigsetjmp(sigenv, 0) == 0) {
    sigprocmask(SIG_BLOCK, &usr1, NULL);
    siglongjmp(sigenv, 1);
  }
  EXPECT(blocked(SIGUSR1));
  ++steps;
  if (setjmp(env) == 0) {
    sigprocmask(SIG_UNBLOCK, &usr1, NULL);
    longjmp(env, 1);
  }
  EXPECT(!blocked(SIGUSR1));
  ++steps;

  /* Many jumps do not leak stack. */
  volatile int count = 0;
  if (setjmp(env) < 100000) {
    ++count;
    longjmp(env, count);
  }
  EXPECT(count == 100000);
  ++steps;

  if (!failures)
    printf("ok 1+2+3+4+5+6 steps\n");
  return steps == 6 && !failures ? 0 : 1;
}
