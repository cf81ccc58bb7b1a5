// NVIDIA, confined images: variable-length arrays (and alloca()) move from
// PTX's stack to an arena in the VM's own memory, which the light kernel
// keeps (lightkernel/confine/variable_length_arrays.c).
//
// ptxas (CUDA 13, sm_90) saves a function's convergence barrier registers
// through its frame pointer before it sets that pointer, in a function that
// both allocates on the stack dynamically and calls out of divergent code:
// every confined function with a variable-length array in a loop is one
// (the checks are calls), and the first store went to the caller's frame
// pointer, a fault that ended every VM of the launch
// (test/compiler/semantics/variable-length-arrays.c on an H100: "Out-of-range
// shared or local address", STL [R2+0x20] before R2 is set). On PTX's stack
// an array larger than the stack faults the launch too; in the arena it
// ends its own VM, as a stack overflow.
//
// Each dynamic alloca becomes a call of __gpuvm_vla_alloc(bytes),
// llvm.stacksave and llvm.stackrestore calls of __gpuvm_vla_save and
// __gpuvm_vla_restore, and a function with such arrays saves the arena's top
// at its entry and restores it at each return, as the stack would. Modules
// without those functions (-nostdlib) are left as they are.
#pragma once

#include <llvm/IR/PassManager.h>

namespace gpuvm {

struct MoveVariableLengthArraysPass : llvm::PassInfoMixin<MoveVariableLengthArraysPass> {
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
};

} // namespace gpuvm
