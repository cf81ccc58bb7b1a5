// Breaks cycles between the initializers of shared globals, which NVPTX
// cannot emit (PTX declares a global before any initializer may name it, so
// LLVM's NVPTX printer stops with "Circular dependency found in global
// variable set").
//
// With RTTI on, C++ makes such cycles by itself: the vtable of
// __cxxabiv1::__si_class_type_info holds the address of that class's own
// type_info object, whose vtable pointer is that same vtable.
//
// Runs on the whole linked program, before PrivatizeGlobalsPass. Globals that
// pass will make private are left alone (their pointers to each other become
// segment offsets there). In each remaining cycle one edge is cut: the
// pointer field is emptied in the initializer, its global becomes writable
// (still one shared copy, kept out of the private segment), and a
// constructor of priority 0, which the light kernel runs for every VM before
// any other, stores the same pointer there. Every VM writes the same value,
// so the race is harmless.
#pragma once

#include <llvm/IR/PassManager.h>

namespace gpuvm {

struct BreakGlobalCyclesPass : llvm::PassInfoMixin<BreakGlobalCyclesPass> {
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
};

} // namespace gpuvm
