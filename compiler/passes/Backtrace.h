// gpu-c++ -fgpuvm-backtrace (gpuvm/backtrace.h): GPUs have no unwinder, so a
// VM that crashes or aborts there could only say what went wrong, not
// where. With this pass every function of the VM's own code (the program,
// libc, libc++; not the light kernel, nor what of libc it calls, memcpy and
// the like) stores its name, demangled, with the
// file and line of its definition where debug information has them, in a
// per-VM ring at its entry, before each call where the call is (with the
// functions inlined there), and puts the depth back as it returns; the
// light kernel prints the ring as the VM leaves (lightkernel/debug/).
//
// Runs on the whole program before optimization, so that functions the
// optimizer inlines still appear, and after confinement: the ring's index is
// masked into the ring, and its accesses need no check. The ring and the
// depth are ordinary globals, one per VM once privatized. After a longjmp
// the depth is that of the setjmp's function again at once (returns_twice
// calls store it back); an exception caught by a landing pad likewise.
// Unsplit coroutines are left as they are (their suspensions are no returns).
#pragma once

#include <llvm/IR/PassManager.h>

namespace gpuvm {

struct BacktracePass : llvm::PassInfoMixin<BacktracePass> {
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
};

} // namespace gpuvm
