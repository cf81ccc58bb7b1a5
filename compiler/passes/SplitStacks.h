// Host images: two stacks per VM, so that no VM can reach a return address.
//
// A host VM's hardware stack holds its return addresses and spilled
// registers. Confinement lets a VM write its own stack through a checked
// pointer, so a VM could rewrite a return address and jump past its checks.
// SplitStacksPass applies LLVM's SafeStack to every function of the image:
// each stack object used otherwise than by loads and stores at constant
// offsets inside it (the accesses confinement leaves unchecked) moves to an
// unsafe stack (the top of the VM's stack stride; the runtime switches
// __safestack_unsafe_stack_ptr with the fiber), and so do the slots that
// libm calls for modf, frexp and sincos would otherwise get from code
// generation. The hardware stack is then written only at offsets the
// compiler proved, and the light kernel lets checked writes reach the
// unsafe stack alone (arch_may_write_stack).
//
// SafeStack does not bound the unsafe stack, so checkUnsafeStacks puts the
// light kernel's __gpuvm_confine_unsafe_stack, inlined, before each move of
// its pointer down: a frame that would not fit ends the VM as "stack
// overflow" before it is written. Modules without that function (-nostdlib)
// are split but not checked.
#pragma once

#include <llvm/IR/Module.h>
#include <llvm/IR/PassManager.h>
#include <llvm/Target/TargetMachine.h>

namespace gpuvm {

// The light kernel's check of the unsafe stack's end (confinement keeps it
// through optimization for this pass).
inline constexpr const char *GPUVM_CONFINE_UNSAFE_STACK = "__gpuvm_confine_unsafe_stack";

// After optimization, before code generation (which would otherwise split
// the stacks itself, unchecked: the functions lose the safestack attribute).
class SplitStacksPass : public llvm::PassInfoMixin<SplitStacksPass> {
public:
  explicit SplitStacksPass(const llvm::TargetMachine &tm) : tm_(&tm) {}
  // For opt (-passes=gpuvm-split-stacks): a target machine for the module's
  // own triple is made when the pass runs.
  SplitStacksPass() = default;
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }

private:
  const llvm::TargetMachine *tm_ = nullptr;
};

void checkUnsafeStacks(llvm::Module &module);

struct CheckUnsafeStacksPass : llvm::PassInfoMixin<CheckUnsafeStacksPass> {
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
};

} // namespace gpuvm
