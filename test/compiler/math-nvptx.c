// NVPTX math is LLVM libc's (libm.a) and libc_gpu's own (libc.a): no CUDA
// libdevice is linked, and every call reaches a definition under the
// __gpuvm_ name that <math.h> gives it there.
// RUN: rm -rf %t && mkdir -p %t
// RUN: env GPUVM_CUDA_PATH=%t/none %gpucxx --target=nvptx -O2 %s -o %t/math.img
// RUN: %gpuvm inspect %t/math.img | FileCheck %s
// CHECK: target: nvptx sm_90
// RUN: %gpucxx --target=nvptx -O2 -S %s -o - | FileCheck %s --check-prefix=CALLS
// CALLS-DAG: call{{.*}} __gpuvm_sin
// CALLS-DAG: call{{.*}} __gpuvm_pow
// CALLS-DAG: call{{.*}} __gpuvm_atan2
// CALLS-NOT: __nv_
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv) {
  (void)argv;
  double x = argc * 0.5;
  printf("%f %f %f %f %f\n", sin(x), sqrt(x), pow(x, 3.0), atan2(x, 2.0), expm1(x));
  return 0;
}
