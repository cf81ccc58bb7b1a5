// NVPTX output names its target arch.
// RUN: %gpucxx --target=nvptx -O2 -S %s -o - | FileCheck %s --check-prefix=SM90
// RUN: %gpucxx --target=nvptx64-nvidia-cuda --offload-arch=sm_80 -O2 -S %s -o - | FileCheck %s --check-prefix=SM80
// RUN: %gpucxx --target=nvptx -march=sm_90 -O2 -S %s -o - | FileCheck %s --check-prefix=SM90

// SM90: .target sm_90
// SM80: .target sm_80
// SM90: .visible .func  (.param .b32 func_retval0) twice(
// SM80: .visible .func  (.param .b32 func_retval0) twice(

int twice(int x) { return 2 * x; }
