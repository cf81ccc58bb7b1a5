#include "Toolchain.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>

#include <cstdlib>

namespace gpuvm::driver {

namespace {
constexpr const char *kLlvmVersion = "22";
constexpr const char *kLlvmBinDir = "/usr/lib/llvm-22/bin";

bool isExecutable(const std::string &path) {
  return llvm::sys::fs::exists(path) && llvm::sys::fs::can_execute(path);
}
} // namespace

Toolchain::Toolchain(const char *argv0) {
  std::string self = llvm::sys::fs::getMainExecutable(argv0, (void *)&kLlvmVersion);
  llvm::StringRef bin = llvm::sys::path::parent_path(self);
  root_ = llvm::sys::path::parent_path(bin).str();
}

std::optional<std::string> Toolchain::llvmTool(const std::string &name, std::string &error) const {
  if (const char *dir = std::getenv("GPUVM_LLVM_BIN")) {
    for (const std::string &candidate :
         {std::string(dir) + "/" + name + "-" + kLlvmVersion, std::string(dir) + "/" + name})
      if (isExecutable(candidate))
        return candidate;
    error = name + " was not found in GPUVM_LLVM_BIN=" + dir;
    return std::nullopt;
  }
  if (auto found = llvm::sys::findProgramByName(name + "-" + kLlvmVersion))
    return *found;
  std::string inLlvmDir = std::string(kLlvmBinDir) + "/" + name;
  if (isExecutable(inLlvmDir))
    return inLlvmDir;
  error = name + "-" + kLlvmVersion + " was not found (install Debian's " +
          (name == "ld.lld" ? "lld-" : "clang-") + kLlvmVersion + "; utils/setup does)";
  return std::nullopt;
}

std::vector<std::string> Toolchain::cudaRoots() const {
  if (const char *path = std::getenv("GPUVM_CUDA_PATH"))
    return {path};
  std::vector<std::string> roots;
  if (const char *path = std::getenv("CUDA_PATH"))
    roots.push_back(path);
  roots.insert(roots.end(), {"/usr/local/cuda", "/usr/lib/cuda", "/usr/lib/nvidia-cuda-toolkit"});
  return roots;
}

std::optional<std::string> Toolchain::cudaTool(const std::string &name) const {
  for (const std::string &root : cudaRoots())
    if (isExecutable(root + "/bin/" + name))
      return root + "/bin/" + name;
  if (std::getenv("GPUVM_CUDA_PATH"))
    return std::nullopt;
  if (auto found = llvm::sys::findProgramByName(name))
    return *found;
  return std::nullopt;
}

std::optional<std::string> Toolchain::rocmBitcodeDir() const {
  const char *override = std::getenv("GPUVM_ROCM_BITCODE");
  for (const std::string &dir : {override ? std::string(override) : std::string(),
                                 std::string("/usr/lib/x86_64-linux-gnu/amdgcn/bitcode"),
                                 std::string("/opt/rocm/amdgcn/bitcode")}) {
    if (!dir.empty() && llvm::sys::fs::exists(dir + "/ocml.bc"))
      return dir;
    if (override)
      break;
  }
  return std::nullopt;
}

} // namespace gpuvm::driver
