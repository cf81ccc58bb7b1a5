// Lets `opt -load-pass-plugin=GpuvmPasses.so -passes='gpuvm-privatize<arch=...>'`
// and `-passes=gpuvm-break-cycles` run the passes that gpu-c++ runs at link
// time, for tests and for inspection.
#include "BreakGlobalCycles.h"
#include "PrivatizeGlobals.h"

#include <llvm/Passes/PassBuilder.h>
#include <llvm/Plugins/PassPlugin.h>

using namespace llvm;

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "gpuvm", "1", [](PassBuilder &pb) {
            pb.registerPipelineParsingCallback(
                [](StringRef name, ModulePassManager &mpm, ArrayRef<PassBuilder::PipelineElement>) {
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
