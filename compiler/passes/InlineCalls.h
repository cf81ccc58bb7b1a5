// Inlining the calls a pass placed itself (the light kernel's checks), after
// optimization, where the inliner no longer runs.
#pragma once

#include <llvm/ADT/ArrayRef.h>
#include <llvm/IR/Instructions.h>
#include <llvm/Transforms/Utils/Cloning.h>

namespace gpuvm {

inline void inlineCalls(llvm::ArrayRef<llvm::CallInst *> calls) {
  for (llvm::CallInst *call : calls) {
    llvm::InlineFunctionInfo info;
    llvm::InlineFunction(*call, info);
  }
}

} // namespace gpuvm
