#include "PrivatizeGlobals.h"

#include "ConfineMemory.h"
#include "SourceNames.h"

#include "UsedLists.h"

#include "gpuvm/image.h"

#include <llvm/ADT/MapVector.h>
#include <llvm/ADT/SetVector.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/ADT/StringMap.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/DataLayout.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/InlineAsm.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/ReplaceConstant.h>
#include <llvm/Support/Alignment.h>
#include <llvm/TargetParser/Triple.h>
#include <llvm/Transforms/Utils/ModuleUtils.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>

using namespace llvm;

namespace gpuvm {

namespace {

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

bool isOrdinaryGlobalMemory(const GlobalVariable &gv, const Triple &triple) {
  unsigned as = gv.getAddressSpace();
  if (triple.isNVPTX() || triple.isAMDGPU())
    return as == 0 || as == 1 || as == 4;
  return as == 0;
}

void makeThreadLocalsGlobal(Module &m) {
  // Declarations stay: the host backend's own thread-local (the running
  // VM's base) is one.
  auto own = [](const Value *v) {
    auto *gv = dyn_cast<GlobalVariable>(v);
    return gv && gv->isThreadLocal() && !gv->isDeclaration();
  };
  for (Function &fn : make_early_inc_range(m.functions())) {
    if (fn.getIntrinsicID() != Intrinsic::threadlocal_address)
      continue;
    for (User *user : make_early_inc_range(fn.users()))
      if (auto *call = dyn_cast<CallInst>(user); call && own(call->getArgOperand(0))) {
        call->replaceAllUsesWith(call->getArgOperand(0));
        call->eraseFromParent();
      }
    if (fn.use_empty())
      fn.eraseFromParent();
  }
  for (GlobalVariable &gv : m.globals())
    if (own(&gv))
      gv.setThreadLocal(false);
}

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

// Replaces every instruction's use of a private global by base + offset,
// with the base read once at the entry of each function that needs it.
void rewriteInstructionUses(Module &m, const SmallSetVector<GlobalVariable *, 32> &privates,
                            const std::map<GlobalVariable *, uint64_t> &offsets) {
  SmallVector<Constant *, 32> asConstants(privates.begin(), privates.end());
  convertUsersOfConstantsToInstructions(asConstants);

  FunctionCallee getBase =
      m.getOrInsertFunction(GPUVM_PRIVATE_BASE_SYMBOL, PointerType::getUnqual(m.getContext()));
  // In the order of `privates`, not of pointers: the image must not depend on
  // where the allocator put things (builds are cached by content).
  MapVector<Function *, MapVector<GlobalVariable *, SmallVector<Use *, 4>>> usesByFunction;
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

// How many times the address of `self` counts in the value of `c`: 1 for a
// pointer into it or an integer that holds one (`(uintptr_t)&g + 8`), 0 for
// a value that does not depend on it (or only on the difference of two such
// addresses), anything else for a value no relocation can express. Constant
// expressions in LLVM 22 are only these casts, additions and subtractions.
std::optional<int64_t> addressWeight(const Constant *c, const GlobalVariable *self,
                                     const DataLayout &dl) {
  if (c->getType()->isPointerTy()) {
    APInt offset(dl.getIndexTypeSizeInBits(c->getType()), 0);
    const Value *root = c->stripAndAccumulateConstantOffsets(dl, offset, true);
    if (root->stripPointerCasts() == self)
      return 1;
    if (auto *cast = dyn_cast<ConstantExpr>(root);
        cast && cast->getOpcode() == Instruction::IntToPtr)
      return addressWeight(cast->getOperand(0), self, dl);
    return 0;
  }
  auto *expr = dyn_cast<ConstantExpr>(c);
  if (!expr)
    return 0;
  switch (expr->getOpcode()) {
  case Instruction::PtrToInt:
  case Instruction::PtrToAddr:
  case Instruction::IntToPtr:
  case Instruction::BitCast:
    return addressWeight(expr->getOperand(0), self, dl);
  case Instruction::Add:
  case Instruction::Sub: {
    auto lhs = addressWeight(expr->getOperand(0), self, dl);
    auto rhs = addressWeight(expr->getOperand(1), self, dl);
    if (!lhs || !rhs)
      return std::nullopt;
    return expr->getOpcode() == Instruction::Add ? *lhs + *rhs : *lhs - *rhs;
  }
  default: {
    // A truncation or an operation on an address: only fine if it does not
    // involve one.
    for (const Use &op : expr->operands())
      if (auto w = addressWeight(cast<Constant>(op.get()), self, dl); !w || *w != 0)
        return std::nullopt;
    return 0;
  }
  }
}

// Byte offsets of the values in `c` (laid out at `at`) that hold the address
// of `self`, pointers and pointer-sized integers alike, at any depth of
// structs and arrays. A value that holds it some other way (truncated,
// doubled) is reported in `unrelocatable`.
void findSelfAddresses(const Constant *c, uint64_t at, const GlobalVariable *self,
                       const DataLayout &dl, SmallVectorImpl<uint64_t> &out,
                       SmallVectorImpl<uint64_t> &unrelocatable) {
  Type *ty = c->getType();
  if (isa<ConstantData>(c))
    return; // zeroes, undef, plain numbers and arrays of them hold no address
  if (ty->isPointerTy() || ty->isIntegerTy()) {
    std::optional<int64_t> weight = addressWeight(c, self, dl);
    bool pointerSized = ty->isPointerTy() || ty->getIntegerBitWidth() == 64;
    if (weight && *weight == 0)
      return;
    if (weight && *weight == 1 && pointerSized)
      out.push_back(at);
    else
      unrelocatable.push_back(at);
    return;
  }
  if (auto *st = dyn_cast<StructType>(ty)) {
    const StructLayout *layout = dl.getStructLayout(st);
    for (unsigned i = 0; i < st->getNumElements(); ++i)
      findSelfAddresses(c->getAggregateElement(i), at + layout->getElementOffset(i), self, dl, out,
                        unrelocatable);
  } else if (auto *array = dyn_cast<ArrayType>(ty)) {
    uint64_t stride = dl.getTypeAllocSize(array->getElementType());
    for (uint64_t i = 0; i < array->getNumElements(); ++i)
      findSelfAddresses(c->getAggregateElement(i), at + i * stride, self, dl, out, unrelocatable);
  } else if (auto *vector = dyn_cast<FixedVectorType>(ty)) {
    uint64_t stride = dl.getTypeAllocSize(vector->getElementType());
    for (uint64_t i = 0; i < vector->getNumElements(); ++i)
      findSelfAddresses(c->getAggregateElement(i), at + i * stride, self, dl, out, unrelocatable);
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

// Assembly names a symbol at a fixed place, and a private global has none:
// each VM's copy is at that VM's base plus an offset only the compiler
// knows. Say so, rather than leave the symbol for the linker to refuse.
void rejectAssemblyUses(Module &m, const SmallSetVector<GlobalVariable *, 32> &privates) {
  StringMap<GlobalVariable *> byName;
  for (GlobalVariable *gv : privates)
    byName[gv->getName()] = gv;
  auto check = [&](StringRef text, StringRef where) {
    for (size_t i = 0; i < text.size();) {
      auto isStart = [](char c) { return isAlpha(c) || c == '_' || c == '.' || c == '$'; };
      if (!isStart(text[i])) {
        ++i;
        continue;
      }
      size_t end = i + 1;
      while (end < text.size() && (isStart(text[end]) || isDigit(text[end])))
        ++end;
      if (auto found = byName.find(text.slice(i, end)); found != byName.end())
        m.getContext().emitError(
            "inline assembly in " + where + " names '" + found->getKey() +
            "', a global every VM has its own copy of, at an address only compiled code can "
            "compute; pass it to the assembly as an operand (\"m\"(" +
            found->getKey() + ") or its address in a register) instead");
      i = end;
    }
  };
  check(m.getModuleInlineAsm(), "the file scope");
  for (Function &fn : m)
    for (Instruction &inst : instructions(fn))
      if (auto *call = dyn_cast<CallBase>(&inst))
        if (auto *assembly = dyn_cast<InlineAsm>(call->getCalledOperand()))
          check(assembly->getAsmString(), "'" + sourceName(fn) + "'");
}

} // namespace

PreservedAnalyses PrivatizeGlobalsPass::run(Module &m, ModuleAnalysisManager &) {
  const DataLayout &dl = m.getDataLayout();
  Triple triple(m.getTargetTriple());
  LLVMContext &ctx = m.getContext();

  makeThreadLocalsGlobal(m);
  SmallSetVector<GlobalVariable *, 32> privates = choosePrivateGlobals(m);
  rejectAssemblyUses(m, privates);
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
  removeFromUsedLists(m, [&](const GlobalValue &gv) {
    auto *var = dyn_cast<GlobalVariable>(&gv);
    return var && privates.count(const_cast<GlobalVariable *>(var));
  });

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
  SmallVector<uint64_t, 16> fixups, unrelocatable;
  findSelfAddresses(templ->getInitializer(), 0, marker, dl, fixups, unrelocatable);
  for (uint64_t offset : unrelocatable) {
    auto holder = std::find_if(data.begin(), data.end(), [&](GlobalVariable *gv) {
      return offsets[gv] <= offset &&
             offset < offsets[gv] + dl.getTypeAllocSize(gv->getValueType());
    });
    ctx.emitError("the initializer of '" +
                  (holder != data.end() ? (*holder)->getName().str() : std::string("?")) +
                  "' holds an address in a form no relocation can express (truncated to fewer "
                  "than 64 bits, or scaled); compute it at run time instead");
  }
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
  if (m.getModuleFlag(GPUVM_CONFINED_FLAG))
    info.flags |= GPUVM_IMAGE_CONFINED;
  emitImageInfo(m, triple, arch, info);
  return PreservedAnalyses::none();
}

} // namespace gpuvm
