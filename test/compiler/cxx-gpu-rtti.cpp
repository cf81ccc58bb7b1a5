// C++ with RTTI links whole for the GPU targets over libc++abi: virtual
// calls, dynamic_cast (libc++abi's __dynamic_cast walks its own
// __si_class_type_info objects, whose vtable and type_info name each other,
// a cycle that gpuvm-break-cycles cuts for NVPTX) and typeid. The nvptx image
// is a cubin that ptxas accepted when ptxas is present, PTX text otherwise.
// RUN: %gpucxx --target=nvptx -O2 %s -o %t.nvptx.img
// RUN: %gpuvm inspect %t.nvptx.img | FileCheck %s --check-prefix=NVPTX
// RUN: %gpucxx --target=nvptx --offload-arch=sm_80 -O2 %s -o %t.sm80.img
// RUN: %gpucxx --target=amdgcn -O2 %s -o %t.amdgcn.img
// RUN: %gpuvm inspect %t.amdgcn.img | FileCheck %s --check-prefix=AMDGCN
// RUN: %gpucxx --target=host -O2 %s -o %t.host.img
// RUN: %gpuvm run %t.host.img --vms 3 --console raw | sort | uniq -c | FileCheck %s
// NVPTX: target: nvptx sm_90
// AMDGCN: target: amdgcn gfx90a
// CHECK: 3 circle 12.566
// CHECK: 3 not a circle: 6Square
#include <stdio.h>
#include <typeinfo>

struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
};
struct Circle : Shape {
  explicit Circle(double r) : r(r) {}
  double area() const override { return 3.14159265358979 * r * r; }
  double r;
};
struct Square : Shape {
  explicit Square(double s) : s(s) {}
  double area() const override { return s * s; }
  double s;
};

// Out of the optimizer's sight, so dynamic_cast and typeid stay calls into
// libc++abi.
__attribute__((noinline)) static void show(const Shape &shape) {
  if (auto *c = dynamic_cast<const Circle *>(&shape))
    printf("circle %.3f\n", c->area());
  else
    printf("not a circle: %s\n", typeid(shape).name());
}

int main(int argc, char **) {
  Circle c(2.0);
  Square s(1.5);
  const Shape *shapes[] = {&c, &s};
  for (int i = 0; i < 2; ++i)
    show(*shapes[(i + argc - 1) % 2]);
  return 0;
}
