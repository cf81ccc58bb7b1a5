// Math calls that are LLVM intrinsics before the link reach the math library:
// libc++'s float overloads call __builtin_powf and __builtin_sinf (llvm.pow.f32
// and llvm.sin.f32 where errno is off, as on NVPTX, which cannot lower them),
// and LLVM turns <random>'s call to log, whose errno nobody reads, into
// llvm.log (which the host lowers back to a call to log).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gpucxx --target=nvptx -O2 %s -o %t/math.nvptx.img
// RUN: %gpucxx --target=host -O2 %s -o %t/math.img
// RUN: %gpuvm run %t/math.img --console raw | FileCheck %s
// CHECK: 1.41421 0.479426 1.64872
// CHECK: normal ok
#include <cmath>
#include <cstdio>
#include <random>

int main(int argc, char **) {
  float half = argc * 0.5f;
  std::printf("%g %g %g\n", (double)std::pow(2.0f, half), (double)std::sin(half),
              std::exp((double)half));
  std::mt19937 generator(argc);
  std::normal_distribution<double> normal;
  double sample = normal(generator);
  std::printf("normal %s\n", std::isfinite(sample) ? "ok" : "bad");
  return 0;
}
