#include "Target.h"

#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/TargetParser/Host.h>
#include <llvm/TargetParser/Triple.h>

#include <algorithm>
#include <memory>

namespace gpuvm::driver {

const std::vector<std::string> &testedArches(TargetKind kind) {
  static const std::vector<std::string> amdgcn{"gfx908", "gfx90a", "gfx1030"};
  static const std::vector<std::string> nvptx{"sm_80", "sm_90"};
  static const std::vector<std::string> host{"x86-64"};
  switch (kind) {
  case TargetKind::Amdgcn:
    return amdgcn;
  case TargetKind::Nvptx:
    return nvptx;
  case TargetKind::Host:
    break;
  }
  return host;
}

bool isTested(const Target &target) {
  const std::vector<std::string> &tested = testedArches(target.kind);
  return target.kind == TargetKind::Host ||
         std::find(tested.begin(), tested.end(), target.arch) != tested.end();
}

static bool llvmKnowsCpu(const std::string &triple, const std::string &cpu) {
  std::string error;
  const llvm::Target *target = llvm::TargetRegistry::lookupTarget(llvm::Triple(triple), error);
  if (!target)
    return false;
  std::unique_ptr<llvm::MCSubtargetInfo> sti(
      target->createMCSubtargetInfo(llvm::Triple(triple), "", ""));
  return sti && sti->isCPUStringValid(cpu);
}

std::string resolveTarget(const std::string &targetName, const std::string &arch, Target &out) {
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargetMCs();

  const std::string host = llvm::sys::getDefaultTargetTriple();
  if (targetName.empty() || targetName == "host" || targetName == host ||
      targetName == "x86_64-unknown-linux-gnu" || targetName == "x86_64-linux-gnu") {
    if (llvm::Triple(host).getArch() != llvm::Triple::x86_64)
      return "the host target is only supported on x86-64 (this machine is " + host + ")";
    out = {TargetKind::Host, "host", "x86_64-unknown-linux-gnu", arch.empty() ? "x86-64" : arch};
  } else if (targetName == "amdgcn" || targetName == "amdgcn-amd-amdhsa") {
    out = {TargetKind::Amdgcn, "amdgcn", "amdgcn-amd-amdhsa", arch.empty() ? "gfx90a" : arch};
  } else if (targetName == "nvptx" || targetName == "nvptx64" ||
             targetName == "nvptx64-nvidia-cuda") {
    out = {TargetKind::Nvptx, "nvptx", "nvptx64-nvidia-cuda", arch.empty() ? "sm_90" : arch};
  } else {
    return "unknown target '" + targetName + "' (expected host, nvptx or amdgcn)";
  }
  if (!llvmKnowsCpu(out.triple, out.arch)) {
    std::string known;
    for (const std::string &a : testedArches(out.kind))
      known += (known.empty() ? "" : ", ") + a;
    return "unknown arch '" + out.arch + "' for target " + out.name + " (supported: " + known + ")";
  }
  return {};
}

} // namespace gpuvm::driver
