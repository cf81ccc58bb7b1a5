// A cap on how large inlining makes one function, for GPU images.
//
// An image is optimized as one whole program, so the inliner can pour a
// server's containers, parsers and copy constructors into a single
// function: CatchChallenger's datapack loader became 107,913 lines of PTX,
// on which ptxas ran for over twelve minutes, and whose code generation
// alone takes minutes. Past the cap, a function goes on inlining small
// callees (accessors, wrappers) but calls the larger ones.
#pragma once

#include <llvm/IR/PassManager.h>

namespace gpuvm {

// Callees of at most this many IR instructions are inlined whatever the
// caller's size, as the default heuristics decide.
inline constexpr unsigned kSmallCallee = 64;

// Makes the inliner of the pipelines built with `mam` follow LLVM's default
// heuristics, except that a function already larger than
// `maxCallerInstructions` IR instructions inlines no callee larger than
// kSmallCallee. Call before the pipeline runs; 0 leaves the inliner as it
// is.
void capInlining(llvm::ModuleAnalysisManager &mam, unsigned maxCallerInstructions);

} // namespace gpuvm
