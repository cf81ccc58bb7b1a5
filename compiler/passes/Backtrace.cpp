#include "Backtrace.h"
#include "ConfineMemory.h"
#include "SourceNames.h"

#include <gpuvm/backtrace.h>

#include <llvm/ADT/SmallPtrSet.h>
#include <llvm/ADT/StringMap.h>
#include <llvm/Demangle/Demangle.h>
#include <llvm/IR/DebugInfoMetadata.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/Module.h>

using namespace llvm;

namespace gpuvm {
namespace {

// "name (file:line)", as a user reads it.
std::string frameName(const Function &fn) {
  std::string name = demangle(sourceName(fn));
  if (const DISubprogram *sp = fn.getSubprogram())
    name += " (" + sp->getFilename().str() + ":" + std::to_string(sp->getLine()) + ")";
  return name;
}

std::string fileAndLine(const DILocation &loc) {
  return loc.getFilename().str() + ":" + std::to_string(loc.getLine());
}

// gpuvm_backtrace_frame.call's text: the line in the function itself first,
// then each function inlined there, outermost first, so that a line cut
// short loses the innermost.
std::string callSite(const DILocation &loc) {
  SmallVector<const DILocation *, 8> chain; // innermost first
  for (const DILocation *at = &loc; at; at = at->getInlinedAt())
    chain.push_back(at);
  std::string text = fileAndLine(*chain.back());
  for (auto at = chain.rbegin() + 1; at != chain.rend(); ++at) {
    const DISubprogram *inlined = (*at)->getScope()->getSubprogram();
    StringRef name =
        inlined->getLinkageName().empty() ? inlined->getName() : inlined->getLinkageName();
    text += " > " + demangle(name) + " " + fileAndLine(**at);
  }
  return text;
}

// What the light kernel calls of libc (its boot's __libc_start_main, the
// heap): the printer runs in the kernel, and such a call there would push
// onto the ring it reads. So are memcpy, memmove and memset, which code
// generation calls for it (isInstrumented).
SmallPtrSet<const Function *, 8> calledByKernel(const Module &m) {
  SmallPtrSet<const Function *, 8> called;
  for (const Function &fn : m.functions())
    if (isKernel(fn))
      for (const Instruction &inst : instructions(fn))
        if (auto *call = dyn_cast<CallBase>(&inst))
          if (const Function *callee = call->getCalledFunction(); callee && !isKernel(*callee))
            called.insert(callee);
  return called;
}

// Not the light kernel's, nor the main that only calls a renamed one.
bool isInstrumented(const Function &fn, const Function &hook) {
  const Module &m = *fn.getParent();
  return !fn.isDeclaration() && &fn != &hook && !isKernel(fn) && !isMemoryPrimitive(fn) &&
         !fn.hasFnAttribute(Attribute::Naked) && !fn.isPresplitCoroutine() &&
         !(fn.getName() == "main" && m.getFunction(RENAMED_USER_MAIN));
}

// setjmp, whose second return comes from a longjmp out of deeper frames
// (libc_gpu's is clang's __builtin_setjmp).
bool returnsTwice(const CallInst &call) {
  return call.hasFnAttr(Attribute::ReturnsTwice) ||
         call.getIntrinsicID() == Intrinsic::eh_sjlj_setjmp;
}

class Instrumenter {
public:
  Instrumenter(Module &m, Function &hook)
      : m_(m), generic_(PointerType::get(m.getContext(), 0)),
        i32_(Type::getInt32Ty(m.getContext())),
        ringType_(ArrayType::get(StructType::get(generic_, generic_), GPUVM_BACKTRACE_FRAMES)) {
    const unsigned space = m.getDataLayout().getDefaultGlobalsAddressSpace();
    ring_ = new GlobalVariable(m, ringType_, false, GlobalValue::InternalLinkage,
                               Constant::getNullValue(ringType_), "__gpuvm_backtrace_ring", nullptr,
                               GlobalValue::NotThreadLocal, space);
    depth_ =
        new GlobalVariable(m, i32_, false, GlobalValue::InternalLinkage, ConstantInt::get(i32_, 0),
                           "__gpuvm_backtrace_depth", nullptr, GlobalValue::NotThreadLocal, space);
    defineHook(hook);
  }

  void instrument(Function &fn) {
    BasicBlock &entry = fn.getEntryBlock();
    BasicBlock::iterator at = entry.getFirstInsertionPt();
    while (isa<AllocaInst>(*at)) // static allocas stay first
      ++at;
    IRBuilder<> b(&entry, at);
    Value *outer = b.CreateLoad(i32_, depth_, "backtrace.depth");
    Value *slot = b.CreateAnd(outer, GPUVM_BACKTRACE_FRAMES - 1);
    b.CreateStore(string(frameName(fn), b),
                  b.CreateInBoundsGEP(ringType_, ring_, {b.getInt32(0), slot, b.getInt32(0)}));
    Value *call = b.CreateInBoundsGEP(ringType_, ring_, {b.getInt32(0), slot, b.getInt32(1)});
    b.CreateStore(ConstantPointerNull::get(generic_), call);
    Value *inner = b.CreateAdd(outer, b.getInt32(1));
    b.CreateStore(inner, depth_);

    SmallVector<std::pair<Instruction *, Value *>, 8> stores; // before what, which depth
    for (BasicBlock &block : fn) {
      Instruction *end = block.getTerminator();
      if (auto *ret = dyn_cast<ReturnInst>(end)) {
        CallInst *tail = block.getTerminatingMustTailCall();
        stores.push_back({tail ? static_cast<Instruction *>(tail) : ret, outer});
      } else if (isa<ResumeInst>(end)) {
        stores.push_back({end, outer});
      }
      if (block.isLandingPad())
        stores.push_back({&*block.getFirstInsertionPt(), inner});
      for (Instruction &inst : block) {
        auto *site = dyn_cast<CallBase>(&inst);
        if (!site)
          continue;
        if (auto *plain = dyn_cast<CallInst>(site);
            plain && returnsTwice(*plain) && plain->getNextNode())
          stores.push_back({plain->getNextNode(), inner});
        if (const DILocation *loc = site->getDebugLoc(); loc && !isa<IntrinsicInst>(site))
          IRBuilder<>(site).CreateStore(string(callSite(*loc), b), call);
      }
    }
    for (auto [before, depth] : stores)
      IRBuilder<>(before).CreateStore(depth, depth_);
  }

private:
  // __gpuvm_backtrace(frames): *frames = the ring; return the depth.
  void defineHook(Function &hook) {
    const GlobalValue::LinkageTypes linkage = hook.getLinkage();
    hook.deleteBody();
    hook.setLinkage(linkage);
    IRBuilder<> b(BasicBlock::Create(m_.getContext(), "", &hook));
    b.CreateStore(b.CreatePointerCast(ring_, generic_), hook.getArg(0));
    b.CreateRet(b.CreateLoad(i32_, depth_));
  }

  Value *string(const std::string &text, IRBuilder<> &b) {
    GlobalVariable *&string = strings_[text];
    if (!string)
      string = b.CreateGlobalString(text, ".gpuvm.frame",
                                    m_.getDataLayout().getDefaultGlobalsAddressSpace(), &m_);
    return ConstantExpr::getPointerCast(string, generic_);
  }

  Module &m_;
  PointerType *generic_;
  Type *i32_;
  ArrayType *ringType_;
  GlobalVariable *ring_ = nullptr, *depth_ = nullptr;
  StringMap<GlobalVariable *> strings_;
};

} // namespace

PreservedAnalyses BacktracePass::run(Module &m, ModuleAnalysisManager &) {
  Function *hook = m.getFunction(GPUVM_BACKTRACE_HOOK);
  if (!hook || hook->isDeclaration())
    return PreservedAnalyses::all(); // -nostdlib: no light kernel to print the ring
  const SmallPtrSet<const Function *, 8> kernelCalls = calledByKernel(m);
  Instrumenter instrumenter(m, *hook);
  for (Function &fn : m.functions())
    if (isInstrumented(fn, *hook) && !kernelCalls.count(&fn))
      instrumenter.instrument(fn);
  return PreservedAnalyses::none();
}

} // namespace gpuvm
