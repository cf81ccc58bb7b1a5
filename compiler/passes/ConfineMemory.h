// Software fault isolation: confines every memory access of a VM's own code
// (the program, libc, libc++) to what that VM may touch.
//
// Runs on the whole linked program before the privatizing pass. Before each
// load, store, atomic and memory intrinsic whose address it cannot prove safe,
// it calls __gpuvm_confine_read or __gpuvm_confine_write (the light kernel's;
// inlined by the optimizer), which end the VM alone when the range is outside
// its slice, its stack and, for reads, the image's constants and the shared
// data set. Functions marked GPUVM_KERNEL_ATTRIBUTE (the light kernel, which
// works on shared structures for every VM) are left as they are; the
// optimizer may inline them afterwards, which keeps them unchecked.
//
// Safe without a check: a constant offset inside a stack object, inside a
// global that becomes private data, or (reads) inside any other global.
//
// The pass marks the module (GPUVM_CONFINED_FLAG) so that the privatizing
// pass records GPUVM_IMAGE_CONFINED in the image info; a module without the
// light kernel's check functions (-nostdlib) stays unconfined and unmarked.
#pragma once

#include <llvm/IR/Module.h>
#include <llvm/IR/PassManager.h>

namespace gpuvm {

// The function attribute gpu-c++ gives every function of the light kernel.
inline constexpr const char *GPUVM_KERNEL_ATTRIBUTE = "gpuvm-kernel";
inline constexpr const char *GPUVM_CONFINED_FLAG = "gpuvm.confined";

struct ConfineMemoryPass : llvm::PassInfoMixin<ConfineMemoryPass> {
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
};

// After optimization: the table GPUVM_CONSTANT_BOUNDS_SYMBOL of [start, end)
// pairs of every global left in ordinary memory that a confined VM may read
// through a pointer (constants, the launch parameters), from which the
// runtime takes the image's read-only range: what confined code reads, and
// what the light kernel lets any VM hand it as a buffer to read.
void emitConstantBounds(llvm::Module &module);

} // namespace gpuvm
