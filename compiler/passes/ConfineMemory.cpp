#include "ConfineMemory.h"

#include "PrivatizeGlobals.h"

#include "gpuvm/image.h"

#include <llvm/ADT/StringMap.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/DataLayout.h>
#include <llvm/IR/DebugInfoMetadata.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/Module.h>
#include <llvm/TargetParser/Triple.h>
#include <llvm/Transforms/Utils/ModuleUtils.h>

#include <optional>

using namespace llvm;

namespace gpuvm {

namespace {

constexpr const char *kConfineRead = "__gpuvm_confine_read";
constexpr const char *kConfineWrite = "__gpuvm_confine_write";

// What code generation may call for a memory intrinsic: their bodies work on
// whatever the light kernel hands them, so their callers are checked instead.
bool isMemoryPrimitive(const Function &fn) {
  StringRef name = fn.getName();
  return name == "memcpy" || name == "memmove" || name == "memset";
}

struct Access {
  Value *pointer;
  Value *size; // bytes, i64
  bool write;
};

class Confiner {
public:
  explicit Confiner(Module &m) : m_(m), dl_(m.getDataLayout()), triple_(m.getTargetTriple()) {
    for (GlobalVariable *gv : choosePrivateGlobals(m))
      private_.insert(gv);
  }

  bool ready() const {
    const Function *read = m_.getFunction(kConfineRead), *write = m_.getFunction(kConfineWrite);
    return read && write && !read->isDeclaration() && !write->isDeclaration();
  }

  void confine(Function &fn) {
    SmallVector<std::pair<Instruction *, Access>, 32> work;
    for (Instruction &inst : instructions(fn))
      for (const Access &access : accessesOf(inst))
        if (!provablySafe(access))
          work.push_back({&inst, access});
    for (auto &[inst, access] : work)
      insertCheck(*inst, access);
  }

private:
  SmallVector<Access, 2> accessesOf(Instruction &inst) {
    LLVMContext &ctx = m_.getContext();
    auto bytes = [&](Type *type) {
      return ConstantInt::get(Type::getInt64Ty(ctx), dl_.getTypeStoreSize(type).getFixedValue());
    };
    if (auto *load = dyn_cast<LoadInst>(&inst))
      return {{load->getPointerOperand(), bytes(load->getType()), false}};
    if (auto *store = dyn_cast<StoreInst>(&inst))
      return {{store->getPointerOperand(), bytes(store->getValueOperand()->getType()), true}};
    if (auto *rmw = dyn_cast<AtomicRMWInst>(&inst))
      return {{rmw->getPointerOperand(), bytes(rmw->getValOperand()->getType()), true}};
    if (auto *cas = dyn_cast<AtomicCmpXchgInst>(&inst))
      return {{cas->getPointerOperand(), bytes(cas->getNewValOperand()->getType()), true}};
    auto *call = dyn_cast<CallBase>(&inst);
    if (!call)
      return {};
    auto length = [&](Value *len) -> Value * {
      IRBuilder<> b(&inst);
      return b.CreateZExtOrTrunc(len, Type::getInt64Ty(ctx));
    };
    if (auto *transfer = dyn_cast<MemTransferInst>(call))
      return {{transfer->getRawSource(), length(transfer->getLength()), false},
              {transfer->getRawDest(), length(transfer->getLength()), true}};
    if (auto *set = dyn_cast<MemSetInst>(call))
      return {{set->getRawDest(), length(set->getLength()), true}};
    if (auto *intrinsic = dyn_cast<IntrinsicInst>(call)) {
      switch (intrinsic->getIntrinsicID()) {
      case Intrinsic::masked_load:
        return {{intrinsic->getArgOperand(0), bytes(intrinsic->getType()), false}};
      case Intrinsic::masked_store:
        return {{intrinsic->getArgOperand(1), bytes(intrinsic->getArgOperand(0)->getType()), true}};
      default:
        return {};
      }
    }
    // Direct calls of the C library's own primitives (-fno-builtin code).
    if (Function *callee = call->getCalledFunction();
        callee && isMemoryPrimitive(*callee) && call->arg_size() == 3) {
      Value *len = length(call->getArgOperand(2));
      if (callee->getName() == "memset")
        return {{call->getArgOperand(0), len, true}};
      return {{call->getArgOperand(1), len, false}, {call->getArgOperand(0), len, true}};
    }
    return {};
  }

  // A constant offset inside an object whose every byte this VM owns (a
  // stack object, private data) or may read (any other global).
  bool provablySafe(const Access &access) {
    auto *size = dyn_cast<ConstantInt>(access.size);
    if (!size)
      return false;
    if (size->isZero() || isConstantBank(access.pointer))
      return true;
    APInt offset(dl_.getIndexTypeSizeInBits(access.pointer->getType()), 0);
    const Value *base =
        access.pointer->stripAndAccumulateConstantOffsets(dl_, offset, /*AllowNonInbounds=*/true);
    std::optional<uint64_t> objectSize;
    bool owned = false;
    if (auto *alloca = dyn_cast<AllocaInst>(base)) {
      if (std::optional<TypeSize> bytes = alloca->getAllocationSize(dl_);
          bytes && !bytes->isScalable())
        objectSize = bytes->getFixedValue();
      owned = true;
    } else if (auto *gv = dyn_cast<GlobalVariable>(base); gv && !gv->isDeclaration()) {
      objectSize = dl_.getTypeAllocSize(gv->getValueType()).getFixedValue();
      owned = private_.count(gv) > 0;
    }
    if (!objectSize || (access.write && !owned) || offset.isNegative())
      return false;
    uint64_t begin = offset.getZExtValue(), bytes = size->getZExtValue();
    return begin <= *objectSize && bytes <= *objectSize - begin;
  }

  // NVPTX's constant bank holds only the image's constants, and nothing
  // can store there.
  bool isConstantBank(const Value *pointer) const {
    return triple_.isNVPTX() && pointer->getType()->getPointerAddressSpace() == 4;
  }

  void insertCheck(Instruction &inst, const Access &access) {
    IRBuilder<> b(&inst);
    PointerType *generic = PointerType::get(m_.getContext(), 0);
    Value *pointer = access.pointer;
    if (pointer->getType() != generic)
      pointer = b.CreateAddrSpaceCast(pointer, generic);
    FunctionCallee check = m_.getOrInsertFunction(access.write ? kConfineWrite : kConfineRead,
                                                  b.getVoidTy(), generic, b.getInt64Ty(), generic);
    CallInst *call = b.CreateCall(check, {pointer, access.size, siteOf(inst, b)});
    call->setDebugLoc(inst.getDebugLoc());
  }

  // "file:line" of the access where debug information says it, else null.
  Value *siteOf(Instruction &inst, IRBuilder<> &b) {
    PointerType *generic = PointerType::get(m_.getContext(), 0);
    const DebugLoc &loc = inst.getDebugLoc();
    if (!loc)
      return ConstantPointerNull::get(generic);
    auto *scope = cast<DIScope>(loc->getScope());
    std::string text = scope->getFilename().str() + ":" + std::to_string(loc.getLine());
    GlobalVariable *&site = sites_[text];
    if (!site)
      site = b.CreateGlobalString(text, ".gpuvm.site", dl_.getDefaultGlobalsAddressSpace(), &m_);
    return ConstantExpr::getPointerCast(site, generic);
  }

  Module &m_;
  const DataLayout &dl_;
  Triple triple_;
  SmallPtrSet<GlobalVariable *, 32> private_;
  StringMap<GlobalVariable *> sites_;
};

} // namespace

PreservedAnalyses ConfineMemoryPass::run(Module &m, ModuleAnalysisManager &) {
  Confiner confiner(m);
  if (!confiner.ready())
    return PreservedAnalyses::all();
  for (Function &fn : m.functions())
    if (!fn.isDeclaration() && !fn.hasFnAttribute(GPUVM_KERNEL_ATTRIBUTE) && !isMemoryPrimitive(fn))
      confiner.confine(fn);
  m.addModuleFlag(Module::Max, GPUVM_CONFINED_FLAG, 1);
  return PreservedAnalyses::none();
}

void emitConstantBounds(Module &m) {
  Triple triple(m.getTargetTriple());
  LLVMContext &ctx = m.getContext();
  PointerType *generic = PointerType::get(ctx, 0);
  const DataLayout &dl = m.getDataLayout();
  SmallVector<Constant *, 64> bounds;
  for (GlobalVariable &gv : m.globals()) {
    if (gv.isDeclaration() || !isOrdinaryGlobalMemory(gv, triple) ||
        gv.getName().starts_with("llvm.") || gv.isThreadLocal())
      continue;
    uint64_t size = dl.getTypeAllocSize(gv.getValueType()).getFixedValue();
    Constant *start = ConstantExpr::getPointerCast(&gv, generic);
    Constant *end = ConstantExpr::getGetElementPtr(Type::getInt8Ty(ctx), start,
                                                   ConstantInt::get(Type::getInt64Ty(ctx), size));
    bounds.push_back(start);
    bounds.push_back(end);
  }
  auto *type = ArrayType::get(generic, bounds.size());
  auto *table =
      new GlobalVariable(m, type, true, GlobalValue::ExternalLinkage,
                         ConstantArray::get(type, bounds), GPUVM_CONSTANT_BOUNDS_SYMBOL, nullptr,
                         GlobalValue::NotThreadLocal, dl.getDefaultGlobalsAddressSpace());
  table->setAlignment(Align(8));
  appendToUsed(m, {table});
}

} // namespace gpuvm
