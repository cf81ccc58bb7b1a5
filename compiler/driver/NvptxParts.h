// NVPTX code generation in parts. The optimized whole program is cut into
// parts by a hash of each definition's name, so a part changes only when its
// own functions do; ptxas compiles each to relocatable code, in parallel and
// cached by content (BuildCache), and nvlink joins them into one cubin. One
// ptxas run over a whole C++ image took minutes and gigabytes because its
// time grows faster than the program.
#pragma once

#include "Link.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class Module;
class TargetMachine;
} // namespace llvm

namespace gpuvm::driver {

// How many parts an image of `functions` defined functions is cut into:
// GPUVM_NVPTX_PARTS when set (1: one ptxas run over the whole image, as
// without nvlink), else one per 16 functions, at most 32: small parts make a
// one-file change recompile little.
unsigned nvptxPartCount(unsigned functions);

// GPUVM_PTXAS_FLAGS, split at spaces: more ptxas options (-O0 to rule its
// optimizer out of a miscompile), given to every ptxas run.
std::vector<std::string> ptxasExtraFlags();

// Writes job.output (a cubin) from the optimized `image`, which it renames and
// externalizes. `makeTargetMachine` gives each code generation thread its own.
int emitNvptxParts(llvm::Module &image, const Toolchain &tc, const LinkJob &job,
                   const std::string &ptxas, const std::string &nvlink, unsigned parts,
                   const std::function<std::unique_ptr<llvm::TargetMachine>()> &makeTargetMachine);

} // namespace gpuvm::driver
