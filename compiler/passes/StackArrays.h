// NVIDIA images: large arrays, and in confined images variable-length arrays
// (and alloca()), move from PTX's stack to an arena in the VM's own heap,
// which the light kernel keeps (lightkernel/confine/stack_arrays.c).
//
// PTX's stack is at most 64 KiB a thread (--stack-size), where ordinary
// server code keeps megabyte buffers on Linux's 8 MiB stack: such a frame
// overflowed at once (CatchChallenger's server, a 1 MiB frame, on an
// H100). Every fixed-size array of at least kLargeStackArray bytes goes to
// the arena, which grows from the heap as far as the VM's slice allows; one
// that does not fit ends its own VM, as a stack overflow.
//
// ptxas (CUDA 13, sm_90) saves a function's convergence barrier registers
// through its frame pointer before it sets that pointer, in a function that
// both allocates on the stack dynamically and calls out of divergent code:
// every confined function with a variable-length array in a loop is one
// (the checks are calls), and the first store went to the caller's frame
// pointer, a fault that ended every VM of the launch
// (test/compiler/semantics/variable-length-arrays.c on an H100: "Out-of-range
// shared or local address", STL [R2+0x20] before R2 is set). So confined
// images move their variable-length arrays as well.
//
// Each moved alloca becomes a call of __gpuvm_arena_alloc(bytes),
// llvm.stacksave and llvm.stackrestore calls of __gpuvm_arena_save and
// __gpuvm_arena_restore, and a function with moved arrays saves the arena's
// top at its entry and restores it at each return, as the stack would.
// Modules without those functions (-nostdlib) are left as they are.
#pragma once

#include <llvm/IR/PassManager.h>

#include <cstdint>

namespace gpuvm {

// A quarter of PTX's default stack (16 KiB): smaller arrays stay there,
// where consecutive VMs' words lie side by side and loads coalesce.
inline constexpr uint64_t kLargeStackArray = 4096;

class MoveStackArraysPass : public llvm::PassInfoMixin<MoveStackArraysPass> {
public:
  // variableLength: the variable-length arrays too (confined images).
  explicit MoveStackArraysPass(bool variableLength) : variableLength_(variableLength) {}
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }

private:
  bool variableLength_;
};

} // namespace gpuvm
