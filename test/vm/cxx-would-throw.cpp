// Exceptions are off: where libc++ would throw (std::stoi of a non-number,
// vector::at out of range, a bad optional access), the VM ends alone with
// what would have been thrown on its console; the VMs beside it finish.
// RUN: %gpucxx --target=host -std=c++20 -O2 %s -o %t.img
// RUN: not %gpuvm run %t.img --vms 40 --status-file %t.status > %t.out 2> %t.err
// RUN: FileCheck %s < %t.err
// CHECK-DAG: [vm 1] invalid_argument was thrown in -fno-exceptions mode with message "stoi: no conversion"
// CHECK-DAG: [vm 2] out_of_range was thrown in -fno-exceptions mode with message "vector"
// CHECK-DAG: [vm 3] bad_optional_access was thrown in -fno-exceptions mode
// CHECK: gpuvm: 40 VMs on host:
// CHECK-NEXT: 10 exited with status 0 (vm 0, 4, 8, 12, 16, ...)
// CHECK-NEXT: 30 aborted (status 134) (vm 1, 2, 3, 5, 6, ...)
// RUN: grep -c "finished" %t.out | FileCheck %s --check-prefix=FINISHED
// FINISHED: 10
// RUN: not grep -q "after the throw" %t.out
#include <gpuvm.h>

#include <iostream>
#include <optional>
#include <string>
#include <vector>

int main() {
  unsigned id = gpuvm_vm_id();
  std::vector<int> numbers(3);
  std::optional<int> nothing;
  gpuvm_yield();
  switch (id % 4) {
  case 1:
    std::cout << std::stoi("x") << " after the throw" << std::endl;
    break;
  case 2:
    std::cout << numbers.at(10) << " after the throw" << std::endl;
    break;
  case 3:
    std::cout << nothing.value() << " after the throw" << std::endl;
    break;
  }
  std::cout << "finished" << std::endl;
  return 0;
}
