#include "VariableLengthArrays.h"

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
  // Alignment beyond the arena's: room to round the address up.
  uint64_t align = alloca.getAlign().value();
  if (align > kArenaAlign) {
    Value *sum = b.CreateBinaryIntrinsic(Intrinsic::uadd_with_overflow, bytes,
                                         ConstantInt::get(i64, align - kArenaAlign));
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

} // namespace

PreservedAnalyses MoveVariableLengthArraysPass::run(Module &m, ModuleAnalysisManager &) {
  Function *allocate = m.getFunction("__gpuvm_vla_alloc");
  Function *save = m.getFunction("__gpuvm_vla_save");
  Function *restore = m.getFunction("__gpuvm_vla_restore");
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
          alloca && !alloca->isStaticAlloca() && alloca->getType()->getPointerAddressSpace() == 0)
        arrays.push_back(alloca);
      else if (auto *intrinsic = dyn_cast<IntrinsicInst>(&inst);
               intrinsic && isStackMark(*intrinsic))
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
    CallInst *top = entry.CreateCall(save, {}, "vla.top");
    for (BasicBlock &block : fn)
      if (auto *ret = dyn_cast<ReturnInst>(block.getTerminator()))
        IRBuilder<>(ret).CreateCall(restore, {top});
    for (AllocaInst *alloca : arrays) {
      IRBuilder<> b(alloca);
      CallInst *memory = b.CreateCall(allocate, {bytesOf(b, *alloca)});
      Value *array = alignUp(b, memory, alloca->getAlign().value());
      array->takeName(alloca);
      alloca->replaceAllUsesWith(array);
      alloca->eraseFromParent();
    }
  }
  return changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace gpuvm
