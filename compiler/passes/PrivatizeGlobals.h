// Gives every VM its own copy of the program's mutable globals.
//
// Runs on the whole linked program. Every mutable global (and every constant
// whose initializer points at one) moves into one private segment layout:
// initialized ones into a shared read-only data template, zero-initialized
// ones after it. Each use becomes __gpuvm_private_base() + offset, so code and
// constants stay one copy for all VMs. Constructors and destructors move out
// of llvm.global_ctors/dtors into arrays the light kernel runs once per VM.
// The pass ends by writing the image's gpuvm_image_info.
#pragma once

#include <llvm/ADT/SetVector.h>
#include <llvm/IR/GlobalVariable.h>
#include <llvm/IR/PassManager.h>
#include <llvm/TargetParser/Triple.h>

#include <string>

namespace gpuvm {

struct PrivatizeGlobalsPass : llvm::PassInfoMixin<PrivatizeGlobalsPass> {
  explicit PrivatizeGlobalsPass(std::string arch) : arch(std::move(arch)) {}
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }

  std::string arch; // recorded in the image info
};

// Address spaces that are not ordinary global memory (GPU shared/LDS memory)
// are not private: those stay as they are.
bool isOrdinaryGlobalMemory(const llvm::GlobalVariable &gv, const llvm::Triple &triple);

// A VM is one thread, so its thread-locals are simply its private globals:
// drops the thread-local mode and the llvm.threadlocal.address calls.
void makeThreadLocalsGlobal(llvm::Module &module);

// The globals the pass will move into the private segment: every mutable one
// in ordinary global memory, and every constant that holds (transitively) the
// address of one.
llvm::SmallSetVector<llvm::GlobalVariable *, 32> choosePrivateGlobals(llvm::Module &module);

} // namespace gpuvm
