#include "PrivatizeGlobals.h"

#include "gpuvm/image.h"

#include <llvm/ADT/SetVector.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/DataLayout.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/ReplaceConstant.h>
#include <llvm/Support/Alignment.h>
#include <llvm/TargetParser/Triple.h>
#include <llvm/Transforms/Utils/ModuleUtils.h>

#include <algorithm>
#include <cstring>
#include <map>

using namespace llvm;

namespace gpuvm {

namespace {

// Address spaces that are not ordinary global memory (GPU shared/LDS memory):
// those stay as they are.
bool isOrdinaryGlobalMemory(const GlobalVariable &gv, const Triple &triple) {
  unsigned as = gv.getAddressSpace();
  if (triple.isNVPTX() || triple.isAMDGPU())
    return as == 0 || as == 1 || as == 4;
  return as == 0;
}

bool referencesAny(const Constant *c, const SmallPtrSetImpl<GlobalVariable *> &set,
                   SmallPtrSetImpl<const Constant *> &seen) {
  if (!seen.insert(c).second)
    return false;
  if (auto *gv = dyn_cast<GlobalVariable>(c))
    return set.count(const_cast<GlobalVariable *>(gv));
  if (isa<GlobalValue>(c))
    return false;
  for (const Use &op : c->operands())
    if (auto *opc = dyn_cast<Constant>(op.get()))
      if (referencesAny(opc, set, seen))
        return true;
  return false;
}

// Globals the runtime or the pass itself owns, and LLVM's own.
bool isExempt(const GlobalVariable &gv) {
  if (gv.isDeclaration() || gv.getName().starts_with("llvm."))
    return true;
  return gv.getSection() == GPUVM_SHARED_SECTION;
}

} // namespace

SmallSetVector<GlobalVariable *, 32> choosePrivateGlobals(Module &m) {
  Triple triple(m.getTargetTriple());
  SmallPtrSet<GlobalVariable *, 32> chosen;
  for (GlobalVariable &gv : m.globals())
    if (!isExempt(gv) && isOrdinaryGlobalMemory(gv, triple) && !gv.isConstant())
      chosen.insert(&gv);
  // A constant that holds the address of private data must be private too,
  // so each VM's copy can point at that VM's data.
  for (bool changed = true; changed;) {
    changed = false;
    for (GlobalVariable &gv : m.globals()) {
      if (chosen.count(&gv) || isExempt(gv) || !isOrdinaryGlobalMemory(gv, triple))
        continue;
      SmallPtrSet<const Constant *, 16> seen;
      if (referencesAny(gv.getInitializer(), chosen, seen)) {
        chosen.insert(&gv);
        changed = true;
      }
    }
  }
  SmallSetVector<GlobalVariable *, 32> ordered;
  for (GlobalVariable &gv : m.globals())
    if (chosen.count(&gv))
      ordered.insert(&gv);
  return ordered;
}

namespace {

void dropFromUsedLists(Module &m, const SmallSetVector<GlobalVariable *, 32> &privates) {
  for (const char *name : {"llvm.used", "llvm.compiler.used"}) {
    GlobalVariable *used = m.getGlobalVariable(name);
    if (!used)
      continue;
    SmallVector<GlobalValue *, 16> kept;
    for (const Use &u : cast<ConstantArray>(used->getInitializer())->operands()) {
      auto *gv = cast<GlobalValue>(u.get()->stripPointerCasts());
      auto *var = dyn_cast<GlobalVariable>(gv);
      if (!var || !privates.count(var))
        kept.push_back(gv);
    }
    used->eraseFromParent();
    if (std::string(name) == "llvm.used")
      appendToUsed(m, kept);
    else
      appendToCompilerUsed(m, kept);
  }
}

// Replaces every instruction's use of a private global by base + offset,
// with the base read once at the entry of each function that needs it.
void rewriteInstructionUses(Module &m, const SmallSetVector<GlobalVariable *, 32> &privates,
                            const std::map<GlobalVariable *, uint64_t> &offsets) {
  SmallVector<Constant *, 32> asConstants(privates.begin(), privates.end());
  convertUsersOfConstantsToInstructions(asConstants);

  FunctionCallee getBase =
      m.getOrInsertFunction(GPUVM_PRIVATE_BASE_SYMBOL, PointerType::getUnqual(m.getContext()));
  std::map<Function *, std::map<GlobalVariable *, SmallVector<Use *, 4>>> usesByFunction;
  for (GlobalVariable *gv : privates)
    for (Use &u : gv->uses())
      if (auto *inst = dyn_cast<Instruction>(u.getUser()))
        usesByFunction[inst->getFunction()][gv].push_back(&u);

  for (auto &[fn, uses] : usesByFunction) {
    IRBuilder<> b(&*fn->getEntryBlock().getFirstInsertionPt());
    Value *base = b.CreateCall(getBase, {}, "vm.base");
    for (auto &[gv, list] : uses) {
      Value *typedBase = base;
      if (gv->getType() != base->getType())
        typedBase = b.CreateAddrSpaceCast(base, gv->getType());
      Value *addr =
          b.CreateGEP(b.getInt8Ty(), typedBase, b.getInt64(offsets.at(gv)), gv->getName() + ".vm");
      for (Use *u : list)
        u->set(addr);
    }
  }
}

// Byte offsets of the pointers in `c` (laid out at `at`) that are based on `self`.
void findSelfPointers(const Constant *c, uint64_t at, const GlobalVariable *self,
                      const DataLayout &dl, SmallVectorImpl<uint64_t> &out) {
  Type *ty = c->getType();
  if (ty->isPointerTy()) {
    APInt offset(dl.getIndexTypeSizeInBits(ty), 0);
    const Value *root = c->stripAndAccumulateConstantOffsets(dl, offset, true);
    if (root->stripPointerCasts() == self)
      out.push_back(at);
    return;
  }
  if (isa<ConstantData>(c) && !isa<ConstantDataSequential>(c))
    return; // zeroes, undef and scalars hold no pointers
  if (auto *st = dyn_cast<StructType>(ty)) {
    const StructLayout *layout = dl.getStructLayout(st);
    for (unsigned i = 0; i < st->getNumElements(); ++i)
      findSelfPointers(c->getAggregateElement(i), at + layout->getElementOffset(i), self, dl, out);
  } else if (auto *at_ = dyn_cast<ArrayType>(ty)) {
    uint64_t stride = dl.getTypeAllocSize(at_->getElementType());
    if (!at_->getElementType()->isPointerTy() && !at_->getElementType()->isAggregateType())
      return;
    for (uint64_t i = 0; i < at_->getNumElements(); ++i)
      findSelfPointers(c->getAggregateElement(i), at + i * stride, self, dl, out);
  }
}

GlobalVariable *defineConstant(Module &m, const char *name, Constant *init, Align align);

// Turns llvm.global_ctors/dtors into a plain array the light kernel walks for
// each VM, so that no loader runs them once for everybody.
void functionArray(Module &m, const char *name, const char *from, bool ascending, uint32_t &count) {
  PointerType *ptr = PointerType::getUnqual(m.getContext());
  std::vector<std::pair<uint64_t, Constant *>> entries;
  if (GlobalVariable *list = m.getGlobalVariable(from)) {
    if (auto *array = dyn_cast<ConstantArray>(list->getInitializer()))
      for (const Use &u : array->operands()) {
        auto *entry = cast<ConstantStruct>(u.get());
        uint64_t priority = cast<ConstantInt>(entry->getOperand(0))->getZExtValue();
        entries.push_back({priority, entry->getOperand(1)});
      }
    list->eraseFromParent();
  }
  std::stable_sort(entries.begin(), entries.end(), [&](const auto &a, const auto &b) {
    return ascending ? a.first < b.first : a.first > b.first;
  });
  std::vector<Constant *> fns;
  for (auto &[priority, fn] : entries)
    fns.push_back(fn);
  count = fns.size();
  ArrayType *type = ArrayType::get(ptr, fns.size());
  defineConstant(m, name, ConstantArray::get(type, fns), Align(8));
}

void emitImageInfo(Module &m, const Triple &triple, const std::string &arch,
                   gpuvm_image_info info) {
  info.magic = GPUVM_IMAGE_MAGIC;
  info.abi_version = GPUVM_ABI_VERSION;
  info.target = triple.isNVPTX()    ? GPUVM_TARGET_NVPTX
                : triple.isAMDGPU() ? GPUVM_TARGET_AMDGCN
                                    : GPUVM_TARGET_HOST;
  std::strncpy(info.arch, arch.c_str(), sizeof info.arch - 1);
  std::strncpy(info.entry, info.target == GPUVM_TARGET_HOST ? GPUVM_HOST_ENTRY : GPUVM_KERNEL_ENTRY,
               sizeof info.entry - 1);
  // A byte array: every backend and `gpuvm inspect` read it the same way,
  // from an ELF symbol or from PTX text.
  auto bytes = ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(&info), sizeof info);
  Constant *init = ConstantDataArray::get(m.getContext(), bytes);
  if (GlobalVariable *old = m.getGlobalVariable(GPUVM_IMAGE_INFO_SYMBOL)) {
    old->setName("");
    auto *gv = new GlobalVariable(m, init->getType(), true, GlobalValue::ExternalLinkage, init,
                                  GPUVM_IMAGE_INFO_SYMBOL, nullptr, GlobalValue::NotThreadLocal,
                                  old->getAddressSpace());
    old->replaceAllUsesWith(gv);
    old->eraseFromParent();
    gv->setAlignment(Align(8));
    appendToUsed(m, {gv});
    return;
  }
  auto *gv = new GlobalVariable(m, init->getType(), true, GlobalValue::ExternalLinkage, init,
                                GPUVM_IMAGE_INFO_SYMBOL, nullptr, GlobalValue::NotThreadLocal,
                                m.getDataLayout().getDefaultGlobalsAddressSpace());
  gv->setAlignment(Align(8));
  appendToUsed(m, {gv});
}

// Defines `name` with `init`, taking over the uses of an existing declaration.
GlobalVariable *defineConstant(Module &m, const char *name, Constant *init, Align align) {
  GlobalVariable *old = m.getGlobalVariable(name);
  unsigned as = old ? old->getAddressSpace() : m.getDataLayout().getDefaultGlobalsAddressSpace();
  if (old)
    old->setName("");
  auto *gv = new GlobalVariable(m, init->getType(), true, GlobalValue::ExternalLinkage, init, name,
                                nullptr, GlobalValue::NotThreadLocal, as);
  gv->setAlignment(align);
  if (old) {
    old->replaceAllUsesWith(gv);
    old->eraseFromParent();
  }
  return gv;
}

} // namespace

PreservedAnalyses PrivatizeGlobalsPass::run(Module &m, ModuleAnalysisManager &) {
  const DataLayout &dl = m.getDataLayout();
  Triple triple(m.getTargetTriple());
  LLVMContext &ctx = m.getContext();

  SmallSetVector<GlobalVariable *, 32> privates = choosePrivateGlobals(m);
  // The shared-section marker has done its work; GPU objects need no section.
  for (GlobalVariable &gv : m.globals())
    if (gv.getSection() == GPUVM_SHARED_SECTION && (triple.isNVPTX() || triple.isAMDGPU()))
      gv.setSection("");

  // Aliases of private data would keep pointing at the shared template.
  for (GlobalAlias &alias : make_early_inc_range(m.aliases())) {
    auto *target = dyn_cast<GlobalVariable>(alias.getAliasee()->stripPointerCasts());
    if (target && privates.count(target)) {
      alias.replaceAllUsesWith(alias.getAliasee());
      alias.eraseFromParent();
    }
  }
  dropFromUsedLists(m, privates);

  // Layout: initialized data first (copied from the template), then bss.
  std::map<GlobalVariable *, uint64_t> offsets;
  uint64_t cursor = 0;
  Align maxAlign(16);
  SmallVector<GlobalVariable *, 32> data, bss;
  for (GlobalVariable *gv : privates)
    (gv->getInitializer()->isNullValue() ? bss : data).push_back(gv);
  SmallVector<Constant *, 64> templateFields;
  auto place = [&](GlobalVariable *gv, bool initialized) {
    Type *ty = gv->getValueType();
    Align align = std::max(gv->getAlign().valueOrOne(), dl.getPrefTypeAlign(ty));
    maxAlign = std::max(maxAlign, align);
    uint64_t at = alignTo(cursor, align);
    if (initialized && at > cursor)
      templateFields.push_back(
          ConstantAggregateZero::get(ArrayType::get(Type::getInt8Ty(ctx), at - cursor)));
    if (initialized)
      templateFields.push_back(gv->getInitializer());
    offsets[gv] = at;
    cursor = at + dl.getTypeAllocSize(ty);
  };
  for (GlobalVariable *gv : data)
    place(gv, true);
  uint64_t dataSize = cursor;
  for (GlobalVariable *gv : bss)
    place(gv, false);
  uint64_t bssSize = cursor - dataSize;

  rewriteInstructionUses(m, privates, offsets);

  // What still uses a private global is an initializer of private data. Such
  // a pointer becomes the target's offset in the segment, and its place goes
  // on the fixup list so boot can add each VM's base. Offsets rather than
  // template addresses keep the template free of references to itself, which
  // NVPTX cannot emit.
  PointerType *generic = PointerType::getUnqual(ctx);
  GlobalVariable *templ =
      defineConstant(m, GPUVM_DATA_TEMPLATE_SYMBOL,
                     ConstantStruct::getAnon(ctx, templateFields, /*Packed=*/true), maxAlign);
  auto *marker = new GlobalVariable(m, Type::getInt8Ty(ctx), true, GlobalValue::ExternalLinkage,
                                    nullptr, "__gpuvm_segment_offset_marker");
  for (GlobalVariable *gv : privates) {
    Constant *at = ConstantExpr::getGetElementPtr(
        Type::getInt8Ty(ctx), marker, ConstantInt::get(Type::getInt64Ty(ctx), offsets[gv]));
    if (at->getType() != gv->getType())
      at = ConstantExpr::getAddrSpaceCast(at, gv->getType());
    gv->replaceAllUsesWith(at);
  }
  SmallVector<uint64_t, 16> fixups;
  findSelfPointers(templ->getInitializer(), 0, marker, dl, fixups);
  marker->replaceAllUsesWith(ConstantPointerNull::get(generic));
  marker->eraseFromParent();
  for (GlobalVariable *gv : privates)
    gv->eraseFromParent();
  auto *fixupType = ArrayType::get(Type::getInt64Ty(ctx), fixups.size());
  SmallVector<Constant *, 16> fixupValues;
  for (uint64_t offset : fixups)
    fixupValues.push_back(ConstantInt::get(Type::getInt64Ty(ctx), offset));
  defineConstant(m, GPUVM_FIXUPS_SYMBOL, ConstantArray::get(fixupType, fixupValues), Align(8));

  gpuvm_image_info info{};
  functionArray(m, GPUVM_CTORS_SYMBOL, "llvm.global_ctors", true, info.ctor_count);
  functionArray(m, GPUVM_DTORS_SYMBOL, "llvm.global_dtors", false, info.dtor_count);
  info.data_size = dataSize;
  info.bss_size = bssSize;
  info.data_align = maxAlign.value();
  info.fixup_count = fixups.size();
  emitImageInfo(m, triple, arch, info);
  return PreservedAnalyses::none();
}

} // namespace gpuvm
