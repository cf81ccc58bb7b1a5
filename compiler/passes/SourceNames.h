#pragma once

#include <llvm/IR/Function.h>

#include <string>

namespace gpuvm {

// The name gpu-c++ gives a main that takes fewer than three parameters, so
// that libc_gpu's start can call main(argc, argv, envp) through a wrapper.
inline constexpr const char *RENAMED_USER_MAIN = "__gpuvm_user_main";

// A function's name as its source spells it, for messages to the user.
inline std::string sourceName(const llvm::Function &fn) {
  return fn.getName() == RENAMED_USER_MAIN ? "main" : fn.getName().str();
}

} // namespace gpuvm
