// NVPTX math comes from CUDA's libdevice when it is present.
// REQUIRES: libdevice
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gpucxx --target=nvptx -O2 %s -o %t/math.img
// RUN: %gpuvm inspect %t/math.img | FileCheck %s
// CHECK: target: nvptx sm_90
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv) {
  (void)argv;
  double x = argc * 0.5;
  printf("%f %f %f\n", sin(x), sqrt(x), pow(x, 3.0));
  return 0;
}
