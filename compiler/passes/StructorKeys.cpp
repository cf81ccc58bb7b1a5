#include "StructorKeys.h"

#include <llvm/IR/Constants.h>

using namespace llvm;

namespace gpuvm {

void makeStructorKeysGeneric(Module &m) {
  for (const char *name : {"llvm.global_ctors", "llvm.global_dtors"}) {
    GlobalVariable *list = m.getGlobalVariable(name);
    auto *array = list ? dyn_cast<ConstantArray>(list->getInitializer()) : nullptr;
    if (!array)
      continue;
    LLVMContext &ctx = m.getContext();
    PointerType *generic = PointerType::getUnqual(ctx);
    auto *entryType = StructType::get(ctx, {Type::getInt32Ty(ctx), generic, generic});
    bool alreadyGeneric = all_of(array->operands(), [&](const Use &u) {
      auto *entry = cast<ConstantStruct>(u.get());
      return entry->getType() == entryType && entry->getOperand(1)->getType() == generic &&
             entry->getOperand(2)->getType() == generic;
    });
    if (alreadyGeneric)
      continue;
    SmallVector<Constant *, 8> entries;
    for (const Use &u : array->operands()) {
      auto *entry = cast<ConstantStruct>(u.get());
      entries.push_back(ConstantStruct::get(
          entryType,
          {entry->getOperand(0),
           ConstantExpr::getPointerBitCastOrAddrSpaceCast(entry->getOperand(1), generic),
           ConstantExpr::getPointerBitCastOrAddrSpaceCast(entry->getOperand(2), generic)}));
    }
    Constant *init = ConstantArray::get(ArrayType::get(entryType, entries.size()), entries);
    auto *replacement =
        new GlobalVariable(m, init->getType(), false, list->getLinkage(), init, "", list,
                           GlobalValue::NotThreadLocal, list->getAddressSpace());
    replacement->takeName(list);
    list->eraseFromParent();
  }
}

} // namespace gpuvm
