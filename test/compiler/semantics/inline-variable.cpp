// Inline variables and static members with dynamic initializers, which clang
// gives comdat-keyed constructor entries (on AMDGPU in another address space).
// RUN: %S/Inputs/vs-native %t %s %S/Inputs/inline-variable-other.cpp
#include <cstdio>

#include "Inputs/inline-variable.h"

int main() {
  std::printf("iv %d member %d template %d other %d\n", iv, Config::limit, scaled<3>, other_sum());
  return iv;
}
