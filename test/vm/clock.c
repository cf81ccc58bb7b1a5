// The VM's wall clock is calibrated against the host's, and its monotonic
// clock advances across a sleep.
// RUN: %gpucxx --target=host %s -o %t.img
// RUN: %gpuvm run %t.img --vms 4 --console raw > %t.out
// RUN: python3 -c "import sys, time; lines = open(r'%t.out').read().split(); stamps = [int(w) for w in lines if w.isdigit()]; sys.exit(0 if len(stamps) == 4 and all(abs(s - time.time()) < 30 for s in stamps) else 1)"
// RUN: grep -c "slept-ok" %t.out | FileCheck %s
// CHECK: 4
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  struct timespec before, after;
  clock_gettime(CLOCK_MONOTONIC, &before);
  usleep(20000);
  clock_gettime(CLOCK_MONOTONIC, &after);
  long long elapsed = (after.tv_sec - before.tv_sec) * 1000000000ll + (after.tv_nsec - before.tv_nsec);
  printf("%lld\n%s\n", (long long)time(NULL), elapsed >= 20000000 ? "slept-ok" : "slept-short");
  return 0;
}
