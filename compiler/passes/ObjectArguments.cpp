#include "ObjectArguments.h"

#include <llvm/ADT/SmallPtrSet.h>
#include <llvm/Analysis/ValueTracking.h>
#include <llvm/Demangle/Demangle.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/Module.h>
#include <llvm/TargetParser/Triple.h>

#include <cstdlib>

using namespace llvm;

namespace gpuvm {
namespace {

enum class Structor { None, Constructor, Destructor };

Structor structorKind(const Function *fn) {
  if (!fn)
    return Structor::None;
  ItaniumPartialDemangler demangler;
  if (demangler.partialDemangle(fn->getName().str().c_str()) || !demangler.isCtorOrDtor())
    return Structor::None;
  char *base = demangler.getFunctionBaseName(nullptr, nullptr);
  const bool destructor = base && base[0] == '~';
  std::free(base);
  return destructor ? Structor::Destructor : Structor::Constructor;
}

// Whether the call's argument `arg` is a temporary the caller made for this
// call alone: an alloca whose other uses construct, fill or destroy it.
bool isOwnTemporary(const CallBase &call, unsigned arg) {
  auto *object = dyn_cast<AllocaInst>(call.getArgOperand(arg));
  if (!object)
    return false;
  SmallVector<const Value *, 8> work{object};
  SmallPtrSet<const Value *, 8> seen{object};
  while (!work.empty()) {
    const Value *at = work.pop_back_val();
    for (const Use &use : at->uses()) {
      const User *user = use.getUser();
      if (user == &call) {
        if (at != object || !call.isArgOperand(&use) || call.getArgOperandNo(&use) != arg)
          return false;
      } else if (auto *gep = dyn_cast<GetElementPtrInst>(user)) {
        if (seen.insert(gep).second)
          work.push_back(gep);
      } else if (auto *store = dyn_cast<StoreInst>(user)) {
        if (store->getPointerOperand() != at ||
            getUnderlyingObject(store->getValueOperand()) == object)
          return false; // its address stored: it may be read through later
      } else if (auto *marker = dyn_cast<IntrinsicInst>(user);
                 marker && marker->isLifetimeStartOrEnd()) {
      } else if (auto *fill = dyn_cast<MemIntrinsic>(user)) {
        auto *copy = dyn_cast<MemTransferInst>(fill);
        if (fill->getRawDest() != at || (copy && copy->getRawSource() == at))
          return false;
      } else if (auto *other = dyn_cast<CallBase>(user)) {
        // Built by a constructor or a function returning it, or destroyed.
        if (!other->isArgOperand(&use))
          return false;
        const unsigned index = other->getArgOperandNo(&use);
        if (!other->paramHasAttr(index, Attribute::StructRet) &&
            !(index == 0 && structorKind(other->getCalledFunction()) != Structor::None))
          return false;
      } else {
        return false;
      }
    }
  }
  return true;
}

void passByReference(CallBase &call, unsigned arg, const DataLayout &dl) {
  Type *type = call.getParamByValType(arg);
  const MaybeAlign align = call.getParamAlign(arg);
  if (!isOwnTemporary(call, arg)) {
    Function &caller = *call.getFunction();
    IRBuilder<> entry(&caller.getEntryBlock(), caller.getEntryBlock().getFirstInsertionPt());
    AllocaInst *copy = entry.CreateAlloca(type, dl.getAllocaAddrSpace(), nullptr, "byval.copy");
    if (align)
      copy->setAlignment(std::max(copy->getAlign(), *align));
    Value *place = copy;
    PointerType *expected = cast<PointerType>(call.getArgOperand(arg)->getType());
    if (copy->getType() != expected)
      place = entry.CreateAddrSpaceCast(copy, expected);
    IRBuilder<> before(&call);
    before.CreateMemCpy(place, copy->getAlign(), call.getArgOperand(arg), align.valueOrOne(),
                        dl.getTypeAllocSize(type));
    call.setArgOperand(arg, place);
  }
  call.removeParamAttr(arg, Attribute::ByVal);
  call.addDereferenceableParamAttr(arg, dl.getTypeAllocSize(type));
}

} // namespace

void passObjectArgumentsByReference(Module &m) {
  if (!Triple(m.getTargetTriple()).isNVPTX())
    return;
  const DataLayout &dl = m.getDataLayout();
  for (Function &fn : m.functions()) {
    if (fn.getCallingConv() == CallingConv::PTX_Kernel || fn.isIntrinsic())
      continue;
    for (Argument &param : fn.args())
      if (param.hasByValAttr()) {
        const uint64_t bytes = dl.getTypeAllocSize(param.getParamByValType());
        fn.removeParamAttr(param.getArgNo(), Attribute::ByVal);
        fn.addDereferenceableParamAttr(param.getArgNo(), bytes);
      }
    for (Instruction &inst : instructions(fn))
      if (auto *call = dyn_cast<CallBase>(&inst); call && !isa<IntrinsicInst>(call))
        for (unsigned arg = 0; arg < call->arg_size(); ++arg)
          if (call->isByValArgument(arg))
            passByReference(*call, arg, dl);
  }
}

} // namespace gpuvm
