// <math.h> links vendor math on AMDGPU: ROCm Device Libs (NVPTX: math-nvptx.c).
// REQUIRES: rocm-device-libs
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gpucxx --target=amdgcn -O2 %s -o %t/math.gfx90a.img
// RUN: %gpucxx --target=amdgcn -mcpu=gfx1030 -O2 %s -o %t/math.gfx1030.img
// RUN: llvm-readelf -h %t/math.gfx90a.img | FileCheck %s
// CHECK: Machine: EM_AMDGPU
// Without the device libraries the missing function is named.
// RUN: env GPUVM_ROCM_BITCODE=%t/none not %gpucxx --target=amdgcn %s -o %t/x.img 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: ROCm Device Libs were not found
// MISSING: undefined reference to '__ocml_{{sin|sqrt|pow}}_f64'
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv) {
  (void)argv;
  double x = argc * 0.5;
  printf("%f %f %f\n", sin(x), sqrt(x), pow(x, 3.0));
  return 0;
}
