// NVPTX output names its target arch.
// RUN: %gpucxx --target=nvptx -O2 -S %s -o - | FileCheck %s --check-prefix=SM90
// RUN: %gpucxx --target=nvptx64-nvidia-cuda --offload-arch=sm_80 -O2 -S %s -o - | FileCheck %s --check-prefix=SM80
// RUN: %gpucxx --target=nvptx -march=sm_90 -O2 -S %s -o - | FileCheck %s --check-prefix=SM90
// Without a CUDA installation (a fresh Debian machine), clang alone would pick
// PTX 4.2 and fail; gpu-c++ compiles and links the same.
// RUN: %gpucxx --target=nvptx --cuda-path=%t.none -O2 -S %s -o - | FileCheck %s --check-prefix=SM90
// RUN: %gpucxx --target=nvptx --cuda-path=%t.none -O2 -c %s -o %t.o

// SM90: .target sm_90
// SM80: .target sm_80
// SM90: .visible .func  (.param .b32 func_retval0) twice(
// SM80: .visible .func  (.param .b32 func_retval0) twice(

int twice(int x) { return 2 * x; }
