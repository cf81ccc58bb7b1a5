// -S on AMDGPU gives GCN assembly for the chosen arch, with the scalar and
// vector instructions of a loop.
// RUN: %gpucxx --target=amdgcn --offload-arch=gfx90a -O2 -S %s -o - | FileCheck %s --check-prefixes=CHECK,GFX90A
// RUN: %gpucxx --target=amdgcn -mcpu=gfx1030 -O2 -S %s -o - | FileCheck %s --check-prefixes=CHECK,GFX1030
// RUN: %gpucxx --target=amdgcn-amd-amdhsa -mcpu=gfx908 -O2 -S %s -o - | FileCheck %s --check-prefixes=CHECK,GFX908
// Default arch is gfx90a.
// RUN: %gpucxx --target=amdgcn -O2 -S %s -o - | FileCheck %s --check-prefixes=CHECK,GFX90A

// GFX90A: .amdgcn_target "amdgcn-amd-amdhsa--gfx90a
// GFX1030: .amdgcn_target "amdgcn-amd-amdhsa--gfx1030"
// GFX908: .amdgcn_target "amdgcn-amd-amdhsa--gfx908
// CHECK-LABEL: scale_sum:
// CHECK: s_cbranch
// CHECK: {{global_load_dword|flat_load_dword}}
// CHECK: v_{{mul|mad|add|fma}}
// CHECK: s_setpc_b64

int scale_sum(const int *values, int n, int factor) {
  int sum = 0;
  for (int i = 0; i < n; ++i)
    sum += values[i] * factor;
  return sum;
}
