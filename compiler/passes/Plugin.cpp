// Lets `opt -load-pass-plugin=GpuvmPasses.so -passes='gpuvm-privatize<arch=...>'`
// `-passes=gpuvm-confine`, `-passes=gpuvm-confine-late`, `-passes=gpuvm-split-stacks`,
// `-passes=gpuvm-check-unsafe-stacks`, `-passes=gpuvm-move-stack-arrays` (or
// `gpuvm-move-large-stack-arrays`, for unconfined images),
// `-passes=gpuvm-break-cycles`, `-passes=gpuvm-backtrace`, `-passes=gpuvm-object-arguments` and
// `-passes=gpuvm-linker-symbols` run the passes that gpu-c++ runs at link time, for tests and for
// inspection. Loaded into clang with -fpass-plugin, it mends clang's output before the bitcode is
// written (and on NVPTX passes C++ objects by reference, as the Itanium ABI does).
#include "Backtrace.h"
#include "BreakGlobalCycles.h"
#include "ConfineMemory.h"
#include "InlineCap.h"
#include "LinkerSymbols.h"
#include "ObjectArguments.h"
#include "PrivatizeGlobals.h"
#include "SplitStacks.h"
#include "StackArrays.h"
#include "StructorKeys.h"

#include <llvm/Passes/PassBuilder.h>
#include <llvm/Plugins/PassPlugin.h>
#include <llvm/Support/CommandLine.h>

using namespace llvm;

// gpu-c++ passes its --max-inline-size to clang as -mllvm -gpuvm-max-inline-size.
static cl::opt<unsigned> maxInlineSize("gpuvm-max-inline-size", cl::init(0),
                                       cl::desc("a function past this many instructions "
                                                "inlines only small callees (0: no cap)"));

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "gpuvm", "1", [](PassBuilder &pb) {
            pb.registerAnalysisRegistrationCallback(
                [](ModuleAnalysisManager &mam) { gpuvm::capInlining(mam, maxInlineSize); });
            // clang -fpass-plugin: what gpu-c++ mends before clang writes bitcode.
            pb.registerPipelineStartEPCallback([](ModulePassManager &mpm, OptimizationLevel) {
              mpm.addPass(gpuvm::StructorKeysPass());
              mpm.addPass(gpuvm::ObjectArgumentsPass());
            });
            pb.registerPipelineParsingCallback(
                [](StringRef name, ModulePassManager &mpm, ArrayRef<PassBuilder::PipelineElement>) {
                  if (name == "gpuvm-linker-symbols") {
                    mpm.addPass(gpuvm::LinkerSymbolsPass());
                    return true;
                  }
                  if (name == "gpuvm-confine") {
                    mpm.addPass(gpuvm::ConfineMemoryPass());
                    return true;
                  }
                  if (name == "gpuvm-confine-late") {
                    mpm.addPass(gpuvm::ConfineAfterOptimizationPass());
                    return true;
                  }
                  if (name == "gpuvm-move-stack-arrays") {
                    mpm.addPass(gpuvm::MoveStackArraysPass(/*variableLength=*/true));
                    return true;
                  }
                  if (name == "gpuvm-move-large-stack-arrays") {
                    mpm.addPass(gpuvm::MoveStackArraysPass(/*variableLength=*/false));
                    return true;
                  }
                  if (name == "gpuvm-split-stacks") {
                    mpm.addPass(gpuvm::SplitStacksPass());
                    return true;
                  }
                  if (name == "gpuvm-check-unsafe-stacks") {
                    mpm.addPass(gpuvm::CheckUnsafeStacksPass());
                    return true;
                  }
                  if (name == "gpuvm-object-arguments") {
                    mpm.addPass(gpuvm::ObjectArgumentsPass());
                    return true;
                  }
                  if (name == "gpuvm-backtrace") {
                    mpm.addPass(gpuvm::BacktracePass());
                    return true;
                  }
                  if (name == "gpuvm-break-cycles") {
                    mpm.addPass(gpuvm::BreakGlobalCyclesPass());
                    return true;
                  }
                  if (!name.consume_front("gpuvm-privatize"))
                    return false;
                  std::string arch = "unknown";
                  if (name.consume_front("<arch=") && name.consume_back(">"))
                    arch = name.str();
                  else if (!name.empty())
                    return false;
                  mpm.addPass(gpuvm::PrivatizeGlobalsPass(arch));
                  return true;
                });
          }};
}
