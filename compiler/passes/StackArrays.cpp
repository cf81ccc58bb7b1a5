#include "StackArrays.h"

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/Module.h>

using namespace llvm;

namespace gpuvm {

namespace {

// What the arena gives: the alignment of max_align_t, as on PTX's stack
// (gpu-c++ asks ptxas for 16 there too).
constexpr uint64_t kArenaAlign = 16;

// Room to round an arena address up to the array's alignment, beyond the
// arena's own.
uint64_t paddingFor(const AllocaInst &alloca) {
  const uint64_t align = alloca.getAlign().value();
  return align > kArenaAlign ? align - kArenaAlign : 0;
}

// The array's size in bytes, all ones when it overflows (the arena then
// refuses it as too large).
Value *bytesOf(IRBuilder<> &b, AllocaInst &alloca) {
  const DataLayout &dl = alloca.getModule()->getDataLayout();
  Type *i64 = b.getInt64Ty();
  Value *count = b.CreateZExtOrTrunc(alloca.getArraySize(), i64);
  uint64_t element = dl.getTypeAllocSize(alloca.getAllocatedType()).getFixedValue();
  Value *product =
      b.CreateBinaryIntrinsic(Intrinsic::umul_with_overflow, count, ConstantInt::get(i64, element));
  Value *bytes = b.CreateExtractValue(product, 0);
  Value *overflow = b.CreateExtractValue(product, 1);
  if (const uint64_t padding = paddingFor(alloca)) {
    Value *sum = b.CreateBinaryIntrinsic(Intrinsic::uadd_with_overflow, bytes,
                                         ConstantInt::get(i64, padding));
    bytes = b.CreateExtractValue(sum, 0);
    overflow = b.CreateOr(overflow, b.CreateExtractValue(sum, 1));
  }
  return b.CreateSelect(overflow, ConstantInt::get(i64, ~uint64_t(0)), bytes);
}

Value *alignUp(IRBuilder<> &b, Value *pointer, uint64_t align) {
  if (align <= kArenaAlign)
    return pointer;
  Type *i64 = b.getInt64Ty();
  Value *at = b.CreatePtrToInt(pointer, i64);
  Value *up = b.CreateAnd(b.CreateAdd(at, ConstantInt::get(i64, align - 1)),
                          ConstantInt::get(i64, ~(align - 1)));
  return b.CreateGEP(b.getInt8Ty(), pointer, b.CreateSub(up, at));
}

// llvm.stacksave or llvm.stackrestore of the generic address space, which
// NVPTX's allocas are in.
bool isStackMark(IntrinsicInst &intrinsic) {
  switch (intrinsic.getIntrinsicID()) {
  case Intrinsic::stacksave:
    return intrinsic.getType()->getPointerAddressSpace() == 0;
  case Intrinsic::stackrestore:
    return intrinsic.getArgOperand(0)->getType()->getPointerAddressSpace() == 0;
  default:
    return false;
  }
}

// A fixed-size array large enough to move: its size in bytes, else 0.
uint64_t largeArrayBytes(const AllocaInst &alloca) {
  if (!alloca.isStaticAlloca())
    return 0;
  std::optional<TypeSize> size = alloca.getAllocationSize(alloca.getModule()->getDataLayout());
  return size && !size->isScalable() && size->getFixedValue() >= kLargeStackArray
             ? size->getFixedValue()
             : 0;
}

} // namespace

PreservedAnalyses MoveStackArraysPass::run(Module &m, ModuleAnalysisManager &) {
  Function *allocate = m.getFunction("__gpuvm_arena_alloc");
  Function *save = m.getFunction("__gpuvm_arena_save");
  Function *restore = m.getFunction("__gpuvm_arena_restore");
  if (!allocate || !save || !restore || allocate->isDeclaration() || save->isDeclaration() ||
      restore->isDeclaration())
    return PreservedAnalyses::all();
  bool changed = false;
  for (Function &fn : m.functions()) {
    if (fn.isDeclaration() || &fn == allocate || &fn == save || &fn == restore)
      continue;
    SmallVector<AllocaInst *, 4> arrays;
    SmallVector<IntrinsicInst *, 4> marks; // stacksave and stackrestore
    for (Instruction &inst : instructions(fn)) {
      if (auto *alloca = dyn_cast<AllocaInst>(&inst);
          alloca && alloca->getType()->getPointerAddressSpace() == 0 &&
          (alloca->isStaticAlloca() ? largeArrayBytes(*alloca) != 0 : variableLength_))
        arrays.push_back(alloca);
      else if (auto *intrinsic = dyn_cast<IntrinsicInst>(&inst);
               intrinsic && variableLength_ && isStackMark(*intrinsic))
        marks.push_back(intrinsic);
    }
    if (arrays.empty() && marks.empty())
      continue;
    changed = true;
    for (IntrinsicInst *mark : marks) {
      IRBuilder<> b(mark);
      if (mark->getIntrinsicID() == Intrinsic::stacksave) {
        CallInst *top = b.CreateCall(save);
        top->takeName(mark);
        mark->replaceAllUsesWith(top);
      } else {
        b.CreateCall(restore, {mark->getArgOperand(0)});
      }
      mark->eraseFromParent();
    }
    if (arrays.empty())
      continue;
    // The arrays of this call end with it, as its frame would.
    IRBuilder<> entry(&*fn.getEntryBlock().getFirstInsertionPt());
    CallInst *top = entry.CreateCall(save, {}, "arena.top");
    for (BasicBlock &block : fn)
      if (auto *ret = dyn_cast<ReturnInst>(block.getTerminator()))
        IRBuilder<>(ret).CreateCall(restore, {top});
    for (AllocaInst *alloca : arrays) {
      // A fixed-size array's memory is taken at the entry, where its alloca
      // was; a variable-length one's where it is sized.
      IRBuilder<> b(alloca->isStaticAlloca() ? top->getNextNode() : alloca);
      Value *bytes = alloca->isStaticAlloca()
                         ? b.getInt64(largeArrayBytes(*alloca) + paddingFor(*alloca))
                         : bytesOf(b, *alloca);
      CallInst *memory = b.CreateCall(allocate, {bytes});
      // Lifetime markers name allocas only; the arena's memory lives until
      // the function's return.
      for (User *user : make_early_inc_range(alloca->users()))
        if (auto *marker = dyn_cast<IntrinsicInst>(user); marker && marker->isLifetimeStartOrEnd())
          marker->eraseFromParent();
      Value *array = alignUp(b, memory, alloca->getAlign().value());
      array->takeName(alloca);
      alloca->replaceAllUsesWith(array);
      alloca->eraseFromParent();
    }
  }
  return changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace gpuvm
