// A clang plugin that gpu-c++ loads for NVPTX: lets through what clang's
// NVPTX target refuses and a VM can have.
// - _Thread_local, __thread and thread_local: a VM is one GPU thread, so
//   gpu-c++'s privatizing pass turns each thread-local into one of the VM's
//   private globals, as on every target.
// - Variable length arrays (C, and GNU C++'s): LLVM lowers them to PTX's
//   alloca/stacksave/stackrestore (PTX 7.3, sm_52 and newer; gpu-c++ needs
//   sm_70), on the VM's own stack.
#include <clang/AST/ASTConsumer.h>
#include <clang/Basic/TargetInfo.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendPluginRegistry.h>

#include <memory>

namespace {

// The switches are protected fields that targets set in their
// constructors; member pointers formed through a derived class reach them.
struct TargetSwitches : clang::TargetInfo {
  static bool clang::TargetInfo::*threadLocals() { return &TargetSwitches::TLSSupported; }
  static bool clang::TargetInfo::*variableLengthArrays() { return &TargetSwitches::VLASupported; }
};

class NvptxSwitches : public clang::PluginASTAction {
protected:
  // Runs before the parser and Sema exist, which is when the target's
  // answers have to change.
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &ci,
                                                        llvm::StringRef) override {
    ci.getTarget().*TargetSwitches::threadLocals() = true;
    ci.getTarget().*TargetSwitches::variableLengthArrays() = true;
    return std::make_unique<clang::ASTConsumer>();
  }

  bool ParseArgs(const clang::CompilerInstance &, const std::vector<std::string> &) override {
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }
};

} // namespace

static clang::FrontendPluginRegistry::Add<NvptxSwitches>
    registration("gpuvm-nvptx-switches",
                 "thread-locals as per-VM globals, and variable length arrays, on NVPTX");
