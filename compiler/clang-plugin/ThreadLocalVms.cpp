// A clang plugin that gpu-c++ loads for NVPTX: lets _Thread_local, __thread
// and thread_local through, which clang refuses on a target without TLS.
// A VM is one GPU thread, so gpu-c++'s privatizing pass turns each
// thread-local into one of the VM's private globals, as on every target.
#include <clang/AST/ASTConsumer.h>
#include <clang/Basic/TargetInfo.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendPluginRegistry.h>

#include <memory>

namespace {

// The switch is a protected field that targets set in their constructors;
// a member pointer formed through a derived class reaches it.
struct TlsSwitch : clang::TargetInfo {
  static bool clang::TargetInfo::*field() { return &TlsSwitch::TLSSupported; }
};

class ThreadLocalsPerVm : public clang::PluginASTAction {
protected:
  // Runs before the parser and Sema exist, which is when the target's
  // answer has to change.
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &ci,
                                                        llvm::StringRef) override {
    ci.getTarget().*TlsSwitch::field() = true;
    return std::make_unique<clang::ASTConsumer>();
  }

  bool ParseArgs(const clang::CompilerInstance &, const std::vector<std::string> &) override {
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }
};

} // namespace

static clang::FrontendPluginRegistry::Add<ThreadLocalsPerVm>
    registration("gpuvm-thread-locals", "thread-locals as per-VM globals on targets without TLS");
