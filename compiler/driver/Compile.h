// One clang invocation per source file.
#pragma once

#include "Command.h"
#include "Options.h"
#include "Target.h"
#include "Toolchain.h"

namespace gpuvm::driver {

enum class CompileOutput { Bitcode, Assembly, LlvmIr, Preprocessed };

// The clang command that compiles `input` for `target` into `output`
// ("" with Preprocessed means standard output).
Command compileCommand(const Toolchain &tc, const std::string &clang, const Target &target,
                       const Options &opts, const Input &input, CompileOutput kind,
                       const std::string &output);

} // namespace gpuvm::driver
