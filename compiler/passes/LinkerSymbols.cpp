#include "LinkerSymbols.h"

#include "UsedLists.h"

#include <llvm/ADT/MapVector.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/DataLayout.h>
#include <llvm/IR/Module.h>

using namespace llvm;

namespace gpuvm {

namespace {

void resolveWeakUndefined(Module &m) {
  for (GlobalValue *gv :
       make_early_inc_range(map_range(m.global_values(), [](GlobalValue &v) { return &v; }))) {
    if (!gv->isDeclaration() || !gv->hasExternalWeakLinkage())
      continue;
    if (auto *fn = dyn_cast<Function>(gv); fn && fn->isIntrinsic())
      continue;
    gv->replaceAllUsesWith(ConstantPointerNull::get(cast<PointerType>(gv->getType())));
    gv->eraseFromParent();
  }
}

bool isCIdentifier(StringRef name) {
  if (name.empty() || isDigit(name.front()))
    return false;
  return all_of(name, [](char c) { return isAlnum(c) || c == '_'; });
}

// One section's variables become the fields of one struct, each at the
// offset its alignment gives it after the one before, as a linker lays out
// input sections.
void defineSectionBounds(Module &m, StringRef section, ArrayRef<GlobalVariable *> members) {
  LLVMContext &ctx = m.getContext();
  const DataLayout &dl = m.getDataLayout();
  Type *i8 = Type::getInt8Ty(ctx);
  SmallVector<Constant *, 16> fields;
  SmallVector<unsigned, 16> fieldOf;
  uint64_t size = 0;
  Align maxAlign(1);
  bool constant = true;
  for (GlobalVariable *gv : members) {
    Align align = gv->getAlign().value_or(dl.getPrefTypeAlign(gv->getValueType()));
    maxAlign = std::max(maxAlign, align);
    if (uint64_t at = alignTo(size, align); at > size) {
      fields.push_back(ConstantAggregateZero::get(ArrayType::get(i8, at - size)));
      size = at;
    }
    fieldOf.push_back(fields.size());
    fields.push_back(gv->getInitializer());
    size += dl.getTypeAllocSize(gv->getValueType());
    constant = constant && gv->isConstant();
  }
  Constant *init = ConstantStruct::getAnon(ctx, fields, /*Packed=*/true);
  unsigned as = members.front()->getAddressSpace();
  auto *whole =
      new GlobalVariable(m, init->getType(), constant, GlobalValue::InternalLinkage, init,
                         "__gpuvm_section_" + section, nullptr, GlobalValue::NotThreadLocal, as);
  whole->setAlignment(maxAlign);

  SmallPtrSet<const GlobalValue *, 16> replaced(members.begin(), members.end());
  removeFromUsedLists(m, [&](const GlobalValue &gv) { return replaced.count(&gv) > 0; });
  Type *i32 = Type::getInt32Ty(ctx);
  for (size_t i = 0; i < members.size(); ++i) {
    GlobalVariable *gv = members[i];
    Constant *field = ConstantExpr::getInBoundsGetElementPtr(
        init->getType(), whole,
        ArrayRef<Constant *>{ConstantInt::get(i32, 0), ConstantInt::get(i32, fieldOf[i])});
    gv->replaceAllUsesWith(ConstantExpr::getPointerBitCastOrAddrSpaceCast(field, gv->getType()));
    gv->eraseFromParent();
  }
  auto bound = [&](const std::string &name, uint64_t offset) {
    GlobalValue *declared = m.getNamedValue(name);
    if (!declared || !declared->isDeclaration())
      return;
    Constant *at =
        ConstantExpr::getGetElementPtr(i8, whole, ConstantInt::get(Type::getInt64Ty(ctx), offset));
    declared->replaceAllUsesWith(
        ConstantExpr::getPointerBitCastOrAddrSpaceCast(at, declared->getType()));
    declared->eraseFromParent();
  };
  bound(("__start_" + section).str(), 0);
  bound(("__stop_" + section).str(), size);
}

} // namespace

void defineLinkerSymbols(Module &m) {
  MapVector<StringRef, SmallVector<GlobalVariable *, 8>> sections;
  for (GlobalVariable &gv : m.globals())
    if (!gv.isDeclaration() && gv.hasSection() && isCIdentifier(gv.getSection()))
      sections[gv.getSection()].push_back(&gv);
  for (auto &[section, members] : sections) {
    auto referenced = [&](const char *prefix) {
      GlobalValue *gv = m.getNamedValue((prefix + section).str());
      return gv && gv->isDeclaration();
    };
    if (referenced("__start_") || referenced("__stop_"))
      defineSectionBounds(m, std::string(section), members);
  }
  resolveWeakUndefined(m);
}

} // namespace gpuvm
