// C++23 code written against libstdc++ uses what its headers include of
// each other: std::count, std::sort and std::max_element with only <vector>
// and <string>, std::function with only <regex>. libc++ drops those
// transitive includes from C++23 on; gpu-c++'s keeps them, so such code
// builds unchanged (g++ builds it, as the first line shows).
// RUN: g++ -std=c++23 -fsyntax-only %s
// RUN: %gpucxx --target=host -std=c++23 %s -o %t.img
// RUN: %gpuvm run %t.img | FileCheck %s
// CHECK: [vm 0] count 2, sorted 1 2 3 3, largest 3, called 7
#include <cstdio>
#include <regex>
#include <string>
#include <vector>

int main() {
  std::vector<int> values{3, 1, 3, 2};
  long threes = std::count(values.begin(), values.end(), 3);
  std::sort(values.begin(), values.end());
  int largest = *std::max_element(values.begin(), values.end());
  std::function<int(int)> add = [](int x) { return x + 4; };
  std::printf("count %ld, sorted %d %d %d %d, largest %d, called %d\n", threes, values[0], values[1],
              values[2], values[3], largest, add(3));
  return 0;
}
