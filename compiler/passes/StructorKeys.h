// Clang 22 for AMDGPU gives the constructor of an inline variable a key (the
// variable, so that the entry goes where its comdat goes) in address space
// 1, inside a list whose entries say generic pointers: the bitcode written
// from that cannot be read back ("Incorrect type in struct initializer").
// The plugin runs this at the start of clang's pipeline for gpu-c++; a
// generic cast keeps the key's meaning for the IR linker.
#pragma once

#include <llvm/IR/Module.h>
#include <llvm/IR/PassManager.h>

namespace gpuvm {

void makeStructorKeysGeneric(llvm::Module &module);

struct StructorKeysPass : llvm::PassInfoMixin<StructorKeysPass> {
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &) {
    makeStructorKeysGeneric(module);
    return llvm::PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
};

} // namespace gpuvm
