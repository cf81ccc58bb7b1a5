// ceill and llroundl, libc_gpu's only long double functions, answer as
// glibc's: the same program runs natively and in a VM, outputs diffed
// (integers, signs of zero, halves both ways, huge values, infinities).
// RUN: rm -rf %t && mkdir -p %t
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -lm -o %t/linux && %t/linux > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 1 --console raw > %t/out
// RUN: diff %t/expected %t/out
// RUN: FileCheck %s < %t/expected
// RUN: %gpucxx --target=nvptx -O1 -c %s -o %t/nvptx.o
// RUN: %gpucxx --target=amdgcn -O1 -c %s -o %t/amdgcn.o
// CHECK: ceill -0.500 = -0 negative 1
// CHECK: llroundl -2.500 = -3
#include <math.h>
#include <stdio.h>

int main(void) {
  static const long double values[] = {
      0.0L,           -0.0L,   0.25L,    0.5L,           1.0L,           1.5L,
      2.5L,           -0.5L,   -1.5L,    -2.5L,          1e18L,          -1e18L,
      0x1p62L + 0.5L, 0x1p63L, -0x1p63L, 123456789.999L, -123456789.001L};
  for (unsigned i = 0; i < sizeof values / sizeof values[0]; ++i) {
    long double x = values[i];
    long double c = ceill(x);
    printf("ceill %.3f = %.0f negative %d\n", (double)x, (double)c, signbit(c) != 0);
    if (x >= -0x1p63L && x < 0x1p63L)
      printf("llroundl %.3f = %lld\n", (double)x, llroundl(x));
  }
  printf("ceill inf = %f, -inf = %f, nan is nan %d\n", (double)ceill(INFINITY),
         (double)ceill(-INFINITY), isnan((double)ceill(NAN)));
  return 0;
}
