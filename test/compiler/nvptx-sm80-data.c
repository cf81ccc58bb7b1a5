// A data template holding pointers (a mutable array of string literals)
// links for sm_80 too: gpu-c++ asks for PTX ISA 7.8 on every arch, where
// LLVM's default for sm_80 (7.0) cannot initialize such a template.
// RUN: rm -rf %t && mkdir -p %t
// RUN: env GPUVM_CUDA_PATH=%t/none %gpucxx --target=nvptx --offload-arch=sm_80 -O2 %s -o %t/sm80.ptx
// RUN: FileCheck %s < %t/sm80.ptx
// CHECK: .version 7.8
// CHECK: .target sm_80
// RUN: %gpucxx --target=nvptx --offload-arch=sm_80 -O2 %s -o %t/sm80.img
// RUN: %gpuvm inspect %t/sm80.img | FileCheck %s --check-prefix=IMAGE
// IMAGE: target: nvptx sm_80
#include <gpuvm.h>
#include <stdio.h>

static const char *greetings[] = {"hello", "bonjour", "hallo"};

int main(void) {
  greetings[1] = greetings[gpuvm_vm_id() % 3];
  printf("%s\n", greetings[1]);
  return 0;
}
