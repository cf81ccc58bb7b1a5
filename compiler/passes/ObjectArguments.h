// NVIDIA: clang's NVPTX ABI passes every aggregate argument `byval`, a copy
// that the call makes, C++ objects that are not trivial for calls included.
// The Itanium C++ ABI passes those by invisible reference: the caller builds
// a temporary, the callee works on it, and the caller destroys it after the
// call. Passed byval, the callee works on a bitwise copy, and the caller
// destroys an object the callee never saw: a std::vector<std::string> taken
// by value and grown in the callee had its buffer freed by the callee's
// copy, and the caller then freed the strings again (CatchChallenger's
// server, free() of a hash as a pointer, on an H100).
//
// So gpu-c++ passes every aggregate argument of NVIDIA code by reference:
// definitions and declarations take a plain pointer, and each call passes
// the caller's temporary itself where the caller made it for this call
// alone (its only uses: constructed or stored into, and destroyed), else a
// copy the caller makes, as byval did (C passes a struct variable itself).
// Runs on each translation unit's module as clang emits it (clang
// -fpass-plugin), before optimization, while the temporaries and their
// constructor and destructor calls are still clang's own. Kernels' parameters
// stay as they are.
#pragma once

#include <llvm/IR/PassManager.h>

namespace gpuvm {

void passObjectArgumentsByReference(llvm::Module &module);

struct ObjectArgumentsPass : llvm::PassInfoMixin<ObjectArgumentsPass> {
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &) {
    passObjectArgumentsByReference(module);
    return llvm::PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
};

} // namespace gpuvm
