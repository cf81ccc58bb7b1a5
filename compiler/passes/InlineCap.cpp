#include "InlineCap.h"

#include <llvm/Analysis/InlineAdvisor.h>
#include <llvm/IR/InstrTypes.h>

using namespace llvm;

namespace gpuvm {

namespace {

// LLVM takes the advisor's factory as a plain function pointer: the cap
// lives here, one per process (gpu-c++ links one image at a time).
unsigned maxCaller = 0;

class CappedInlineAdvisor : public InlineAdvisor {
public:
  CappedInlineAdvisor(Module &m, FunctionAnalysisManager &fam, InlineParams params,
                      InlineContext context)
      : InlineAdvisor(m, fam, context), heuristics_(m, fam, params, context) {}

private:
  std::unique_ptr<InlineAdvice> getAdviceImpl(CallBase &call) override {
    Function *callee = call.getCalledFunction();
    if (callee && call.getCaller()->getInstructionCount() > maxCaller &&
        callee->getInstructionCount() > kSmallCallee)
      return std::make_unique<InlineAdvice>(this, call, getCallerORE(call), false);
    return heuristics_.getAdvice(call);
  }

  DefaultInlineAdvisor heuristics_;
};

InlineAdvisor *makeCappedAdvisor(Module &m, FunctionAnalysisManager &fam, InlineParams params,
                                 InlineContext context) {
  return new CappedInlineAdvisor(m, fam, params, context);
}

} // namespace

void capInlining(ModuleAnalysisManager &mam, unsigned maxCallerInstructions) {
  if (!maxCallerInstructions)
    return;
  maxCaller = maxCallerInstructions;
  mam.registerPass([] { return PluginInlineAdvisorAnalysis(makeCappedAdvisor); });
}

} // namespace gpuvm
