#include "SplitStacks.h"

#include <llvm/CodeGen/SafeStack.h>
#include <llvm/IR/DebugInfoMetadata.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/Transforms/Utils/Cloning.h>

using namespace llvm;

namespace gpuvm {

namespace {

// The names LLVM's SafeStack and the light kernel agree on.
constexpr const char *kUnsafeStackPointer = "__safestack_unsafe_stack_ptr";
constexpr const char *kConfineUnsafeStack = "__gpuvm_confine_unsafe_stack";

} // namespace

void checkUnsafeStacks(Module &m) {
  GlobalVariable *pointer = m.getNamedGlobal(kUnsafeStackPointer);
  Function *check = m.getFunction(kConfineUnsafeStack);
  if (!pointer || !check || check->isDeclaration())
    return;
  // Moves down: a stored value that was loaded is a restore (at a return, a
  // landing pad, a stack restore), never below where the function began.
  SmallVector<StoreInst *, 64> moves;
  for (User *user : pointer->users())
    if (auto *store = dyn_cast<StoreInst>(user);
        store && store->getPointerOperand() == pointer && !isa<LoadInst>(store->getValueOperand()))
      moves.push_back(store);
  SmallVector<CallInst *, 64> calls;
  for (StoreInst *move : moves) {
    // Before the move: SafeStack writes into a new frame (copies of byval
    // arguments, say) only after it.
    IRBuilder<> b(move);
    CallInst *call = b.CreateCall(check, {move->getValueOperand()});
    if (DISubprogram *scope = move->getFunction()->getSubprogram())
      call->setDebugLoc(DILocation::get(m.getContext(), 0, 0, scope));
    calls.push_back(call);
  }
  for (CallInst *call : calls) {
    InlineFunctionInfo info;
    InlineFunction(*call, info);
  }
}

PreservedAnalyses SplitStacksPass::run(Module &m, ModuleAnalysisManager &mam) {
  FunctionAnalysisManager &fam = mam.getResult<FunctionAnalysisManagerModuleProxy>(m).getManager();
  for (Function &fn : m.functions())
    if (!fn.isDeclaration())
      fn.addFnAttr(Attribute::SafeStack);
  // libc's setjmp is the compiler's __builtin_setjmp, which LLVM does not
  // mark as returning twice: without the mark SafeStack would not restore
  // the unsafe stack pointer where longjmp lands, and every longjmp would
  // leak the frames it skipped.
  SmallVector<CallInst *, 8> setjmps;
  if (Function *setjmp = Intrinsic::getDeclarationIfExists(&m, Intrinsic::eh_sjlj_setjmp))
    for (User *user : setjmp->users())
      if (auto *call = dyn_cast<CallInst>(user); call && !call->canReturnTwice()) {
        call->addFnAttr(Attribute::ReturnsTwice);
        setjmps.push_back(call);
      }
  SafeStackPass split(*tm_);
  for (Function &fn : m.functions())
    if (!fn.isDeclaration())
      fam.invalidate(fn, split.run(fn, fam));
  for (Function &fn : m.functions())
    fn.removeFnAttr(Attribute::SafeStack);
  for (CallInst *call : setjmps)
    call->removeFnAttr(Attribute::ReturnsTwice);
  checkUnsafeStacks(m);
  return PreservedAnalyses::none();
}

PreservedAnalyses CheckUnsafeStacksPass::run(Module &m, ModuleAnalysisManager &) {
  checkUnsafeStacks(m);
  return PreservedAnalyses::none();
}

} // namespace gpuvm
