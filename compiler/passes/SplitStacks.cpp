#include "SplitStacks.h"

#include "InlineCalls.h"

#include <llvm/CodeGen/SafeStack.h>
#include <llvm/IR/DebugInfoMetadata.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/Operator.h>
#include <llvm/MC/TargetRegistry.h>

using namespace llvm;

namespace gpuvm {

namespace {

// The name LLVM's SafeStack gives the unsafe stack pointer.
constexpr const char *kUnsafeStackPointer = "__safestack_unsafe_stack_ptr";

// Whether every use of a stack object (an alloca, or a byval argument, of
// `size` bytes) is a load or store at a constant offset inside it.
bool usedOnlyInside(Value &object, uint64_t size, const DataLayout &dl) {
  SmallVector<std::pair<Value *, int64_t>, 8> work{{&object, 0}};
  while (!work.empty()) {
    auto [pointer, offset] = work.pop_back_val();
    for (User *user : pointer->users()) {
      auto inside = [&](Type *type) {
        const uint64_t bytes = dl.getTypeStoreSize(type).getFixedValue();
        return offset >= 0 && uint64_t(offset) <= size && bytes <= size - uint64_t(offset);
      };
      if (auto *load = dyn_cast<LoadInst>(user); load && inside(load->getType()))
        continue;
      if (auto *store = dyn_cast<StoreInst>(user); store && store->getPointerOperand() == pointer &&
                                                   store->getValueOperand() != pointer &&
                                                   inside(store->getValueOperand()->getType()))
        continue;
      if (auto *intrinsic = dyn_cast<IntrinsicInst>(user);
          intrinsic && intrinsic->isLifetimeStartOrEnd())
        continue;
      auto *gep = dyn_cast<GEPOperator>(user);
      APInt more(dl.getIndexTypeSizeInBits(pointer->getType()), 0);
      if (gep && gep->accumulateConstantOffset(dl, more) && more.getSignificantBits() <= 48) {
        work.push_back({gep, offset + more.getSExtValue()});
        continue;
      }
      return false;
    }
  }
  return true;
}

// SafeStack keeps on the hardware stack what it finds accessed in bounds by
// its own reckoning (a callee that only writes its argument in bounds, say),
// which the checks do not know: a checked write there would be refused as
// wild. So every stack object used otherwise than by loads and stores at
// constant offsets inside it -- the only accesses confinement leaves
// unchecked -- is made to look unsafe to SafeStack (its address stored in a
// placeholder, erased afterwards), and moves. Returns the placeholder.
GlobalVariable *markPointedStackObjects(Module &m) {
  const DataLayout &dl = m.getDataLayout();
  auto *marks = new GlobalVariable(m, PointerType::get(m.getContext(), 0), false,
                                   GlobalValue::InternalLinkage, nullptr, "gpuvm.pointed");
  for (Function &fn : m.functions()) {
    if (fn.isDeclaration())
      continue;
    for (Argument &arg : fn.args())
      if (arg.hasByValAttr() &&
          !usedOnlyInside(arg, dl.getTypeStoreSize(arg.getParamByValType()), dl))
        new StoreInst(&arg, marks, fn.getEntryBlock().getFirstInsertionPt());
    for (Instruction &inst : instructions(fn))
      if (auto *alloca = dyn_cast<AllocaInst>(&inst)) {
        std::optional<TypeSize> size = alloca->getAllocationSize(dl);
        if (!alloca->isStaticAlloca() || !size || size->isScalable() ||
            !usedOnlyInside(*alloca, size->getFixedValue(), dl))
          new StoreInst(alloca, marks, std::next(alloca->getIterator()));
      }
  }
  return marks;
}

// llvm.modf, llvm.frexp and llvm.sincos become, in code generation, calls of
// libm with pointers to stack slots that code generation makes, on the
// hardware stack, where libm's checked writes would be refused. Written as
// those calls here, with the slots as allocas, SafeStack moves the slots to
// the unsafe stack. Vector forms and types without a libm function stay.
void callLibmWithPointers(Module &m) {
  struct Form {
    Intrinsic::ID id;
    const char *name; // of the double version; f and l suffixes for float, x87
    unsigned outputs; // results returned through pointers
  };
  for (Form form : {Form{Intrinsic::modf, "modf", 1}, Form{Intrinsic::frexp, "frexp", 1},
                    Form{Intrinsic::sincos, "sincos", 2}}) {
    for (Function &intrinsic : m.functions()) {
      if (intrinsic.getIntrinsicID() != form.id)
        continue;
      Type *value = intrinsic.getFunctionType()->getParamType(0);
      const char *suffix = value->isDoubleTy()     ? ""
                           : value->isFloatTy()    ? "f"
                           : value->isX86_FP80Ty() ? "l"
                                                   : nullptr;
      Function *libm = suffix ? m.getFunction(std::string(form.name) + suffix) : nullptr;
      // What the intrinsic returns must be what libm returns and writes
      // (frexp's exponent an int), or the call would not type.
      auto *result = cast<StructType>(intrinsic.getReturnType());
      Type *pointer = PointerType::get(m.getContext(), 0);
      SmallVector<Type *, 3> params{value};
      params.append(form.outputs, pointer);
      Type *returned = form.outputs == result->getNumElements() ? Type::getVoidTy(m.getContext())
                                                                : result->getElementType(0);
      if (!libm || libm->isDeclaration() ||
          libm->getFunctionType() != FunctionType::get(returned, params, false) ||
          (form.id == Intrinsic::frexp && !result->getElementType(1)->isIntegerTy(32)))
        continue;
      SmallVector<CallInst *, 8> calls;
      for (User *user : intrinsic.users())
        if (auto *call = dyn_cast<CallInst>(user); call && call->getCalledFunction() == &intrinsic)
          calls.push_back(call);
      for (CallInst *call : calls) {
        IRBuilder<> entry(&*call->getFunction()->getEntryBlock().getFirstInsertionPt());
        SmallVector<AllocaInst *, 2> slots;
        for (unsigned i = result->getNumElements() - form.outputs; i < result->getNumElements();
             ++i)
          slots.push_back(entry.CreateAlloca(result->getElementType(i)));
        IRBuilder<> b(call);
        SmallVector<Value *, 3> args{call->getArgOperand(0)};
        args.append(slots.begin(), slots.end());
        CallInst *direct = b.CreateCall(libm, args);
        Value *whole = PoisonValue::get(result);
        unsigned at = 0;
        if (!direct->getType()->isVoidTy())
          whole = b.CreateInsertValue(whole, direct, at++);
        for (AllocaInst *slot : slots)
          whole = b.CreateInsertValue(whole, b.CreateLoad(slot->getAllocatedType(), slot), at++);
        call->replaceAllUsesWith(whole);
        call->eraseFromParent();
      }
    }
  }
}

} // namespace

void checkUnsafeStacks(Module &m) {
  GlobalVariable *pointer = m.getNamedGlobal(kUnsafeStackPointer);
  Function *check = m.getFunction(GPUVM_CONFINE_UNSAFE_STACK);
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
  inlineCalls(calls);
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
  callLibmWithPointers(m);
  GlobalVariable *marks = markPointedStackObjects(m);
  std::unique_ptr<TargetMachine> own;
  if (!tm_) {
    std::string error;
    const Target *target = TargetRegistry::lookupTarget(m.getTargetTriple(), error);
    if (!target)
      report_fatal_error(Twine("gpuvm-split-stacks: ") + error);
    own.reset(
        target->createTargetMachine(m.getTargetTriple(), "", "", TargetOptions(), Reloc::PIC_));
  }
  SafeStackPass split(tm_ ? *tm_ : *own);
  for (Function &fn : m.functions())
    if (!fn.isDeclaration())
      fam.invalidate(fn, split.run(fn, fam));
  while (!marks->use_empty())
    cast<Instruction>(marks->user_back())->eraseFromParent();
  marks->eraseFromParent();
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
