// What the driver knows about each target it compiles for.
#pragma once

#include <string>
#include <vector>

namespace gpuvm::driver {

enum class TargetKind { Host, Nvptx, Amdgcn };

struct Target {
  TargetKind kind;
  std::string name;   // "host", "nvptx", "amdgcn": the directory of its libraries
  std::string triple; // LLVM triple
  std::string arch;   // gfx90a, sm_90, x86-64
};

// Parses a --target value (short name or triple) and an optional arch
// (-mcpu=, -march=, --offload-arch=). Returns an error message, or empty.
std::string resolveTarget(const std::string &targetName, const std::string &arch, Target &out);

// The arches we test and list in --help; LLVM may accept more.
const std::vector<std::string> &testedArches(TargetKind kind);

// False for a GPU arch LLVM knows and gpuvm has never run on. Any x86-64
// level runs host images.
bool isTested(const Target &target);

} // namespace gpuvm::driver
