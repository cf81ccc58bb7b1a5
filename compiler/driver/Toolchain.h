// Where gpu-c++ finds clang, lld, ptxas, vendor bitcode and its own libraries.
#pragma once

#include "Target.h"

#include <optional>
#include <string>
#include <vector>

namespace gpuvm::driver {

class Toolchain {
public:
  // `argv0` locates the install (or build) root: <root>/bin/gpu-c++.
  explicit Toolchain(const char *argv0);

  const std::string &root() const { return root_; }
  std::string includeDir() const { return root_ + "/include/gpuvm"; }
  std::string libDir(const Target &t) const { return root_ + "/lib/gpuvm/" + t.name; }
  // gpu-c++'s LLVM passes (loaded into clang with -fpass-plugin) and its
  // clang plugin (-fplugin).
  std::string passPlugin() const { return root_ + "/lib/gpuvm/GpuvmPasses.so"; }
  std::string clangPlugin() const { return root_ + "/lib/gpuvm/GpuvmClang.so"; }

  // LLVM 22 tools; GPUVM_LLVM_BIN overrides where they are looked for.
  // Returns the path, or the one-line reason it is missing.
  std::optional<std::string> llvmTool(const std::string &name, std::string &error) const;

  // NVIDIA's ptxas and nvlink are optional: without ptxas an NVPTX image is
  // PTX text, which the CUDA driver compiles at load. GPUVM_CUDA_PATH
  // overrides the search.
  std::optional<std::string> cudaTool(const std::string &name) const;
  std::optional<std::string> ptxas() const { return cudaTool("ptxas"); }

  // ROCm Device Libs (ocml, ockl, oclc_*), for AMDGPU math.
  std::optional<std::string> rocmBitcodeDir() const;

private:
  std::vector<std::string> cudaRoots() const;
  std::string root_;
};

} // namespace gpuvm::driver
