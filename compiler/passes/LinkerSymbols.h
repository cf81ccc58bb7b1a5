// What an ELF linker gives a program beyond its own definitions, for the
// image that gpu-c++ links as one LLVM module:
// - a weak reference to a symbol nobody defines resolves to null;
// - a section whose name is a C identifier is bounded by __start_NAME and
//   __stop_NAME, with its variables laid out one after another in link
//   order, so registration tables can be walked.
// Runs once every object and archive member is in, before the undefined
// symbols are checked.
#pragma once

#include <llvm/IR/PassManager.h>

namespace gpuvm {

void defineLinkerSymbols(llvm::Module &module);

struct LinkerSymbolsPass : llvm::PassInfoMixin<LinkerSymbolsPass> {
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &) {
    defineLinkerSymbols(module);
    return llvm::PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
};

} // namespace gpuvm
