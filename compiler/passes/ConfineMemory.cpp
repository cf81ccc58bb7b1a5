#include "ConfineMemory.h"

#include "InlineCalls.h"
#include "PrivatizeGlobals.h"
#include "RegisterOnlyAssembly.h"
#include "SourceNames.h"
#include "SplitStacks.h"

#include "gpuvm/image.h"

#include <llvm/ADT/SCCIterator.h>
#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/StringMap.h>
#include <llvm/ADT/StringSet.h>
#include <llvm/Analysis/AssumptionCache.h>
#include <llvm/Analysis/CallGraph.h>
#include <llvm/Analysis/LoopInfo.h>
#include <llvm/Analysis/ScalarEvolution.h>
#include <llvm/Analysis/ScalarEvolutionExpressions.h>
#include <llvm/Analysis/TargetLibraryInfo.h>
#include <llvm/Analysis/ValueTracking.h>
#include <llvm/Demangle/Demangle.h>
#include <llvm/IR/CFG.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/DataLayout.h>
#include <llvm/IR/DebugInfoMetadata.h>
#include <llvm/IR/Dominators.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/InlineAsm.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/MDBuilder.h>
#include <llvm/IR/Module.h>
#include <llvm/TargetParser/Triple.h>
#include <llvm/Transforms/Utils/BasicBlockUtils.h>
#include <llvm/Transforms/Utils/LoopUtils.h>
#include <llvm/Transforms/Utils/ModuleUtils.h>
#include <llvm/Transforms/Utils/ScalarEvolutionExpander.h>

#include <optional>

using namespace llvm;

namespace gpuvm {

bool isMemoryPrimitive(const Function &fn) {
  StringRef name = fn.getName();
  return name == "memcpy" || name == "memmove" || name == "memset";
}

namespace {

constexpr const char *kConfineRead = "__gpuvm_confine_read";
constexpr const char *kConfineWrite = "__gpuvm_confine_write";
constexpr const char *kConfineKernelRead = "__gpuvm_confine_kernel_read";
constexpr const char *kConfineKernelWrite = "__gpuvm_confine_kernel_write";
constexpr const char *kConfineCall = "__gpuvm_confine_call";
constexpr const char *kConfineBudget = "__gpuvm_confine_budget";
// A frame at least this large is checked even where the function cannot recurse.
constexpr uint64_t kLargeFrame = 1024;
// Marks, before optimization, each function the VM's code may call through a
// pointer; the table of those that survive is emitted after it.
constexpr const char *kCallTarget = "gpuvm-call-target";
// Loop iterations between two budget checks: a power of two.
constexpr uint32_t kBudgetStride = 4096;

bool isDefined(const Module &m, const char *name) {
  const Function *fn = m.getFunction(name);
  return fn && !fn->isDeclaration();
}

// The light kernel's functions that stay unchecked: those it marks
// LK_TRUSTED (they reach other VMs' rings, the launch's shared tables, the
// host), the checks themselves, and the inline helpers that only those call
// (the shared ABI's rings and doorbells), part of their bodies once inlined.
// Not ordinary functions that only they call: the network's input, called
// by the trusted drain of the VM's ring, stays checked.
SmallPtrSet<const Function *, 32> trustedKernelFunctions(const Module &m) {
  SmallPtrSet<const Function *, 32> trusted;
  for (const Function &fn : m.functions())
    if (isKernel(fn) && (fn.hasFnAttribute(GPUVM_TRUSTED_ATTRIBUTE) ||
                         fn.getName().starts_with("__gpuvm_confine_") || isMemoryPrimitive(fn)))
      trusted.insert(&fn);
  auto onlyCalledFromTrusted = [&](const Function &fn) {
    if (!fn.hasLocalLinkage() || fn.use_empty() ||
        !(fn.hasFnAttribute(Attribute::InlineHint) || fn.hasFnAttribute(Attribute::AlwaysInline)))
      return false;
    for (const Use &use : fn.uses()) {
      auto *call = dyn_cast<CallBase>(use.getUser());
      if (!call || !call->isCallee(&use) || !trusted.count(call->getFunction()))
        return false;
    }
    return true;
  };
  for (bool grew = true; grew;) {
    grew = false;
    for (const Function &fn : m.functions())
      if (isKernel(fn) && !fn.isDeclaration() && !trusted.count(&fn) && onlyCalledFromTrusted(fn))
        grew = trusted.insert(&fn).second;
  }
  return trusted;
}

// libc's start and exit call constructors and destructors through the
// image's tables, compiler-made ones in the light kernel too (NVPTX's
// __gpuvm_break_global_cycles).
bool isConstructorOrDestructor(const Function &fn) {
  for (const char *name : {"llvm.global_ctors", "llvm.global_dtors"}) {
    const GlobalVariable *table = fn.getParent()->getNamedGlobal(name);
    auto *entries = table && table->hasInitializer()
                        ? dyn_cast<ConstantArray>(table->getInitializer())
                        : nullptr;
    for (unsigned i = 0; entries && i < entries->getNumOperands(); ++i)
      if (auto *entry = dyn_cast<ConstantStruct>(entries->getOperand(i));
          entry && entry->getNumOperands() > 1 && entry->getOperand(1) == &fn)
        return true;
  }
  return false;
}

// Whether an indirect call may reach fn: its address is taken, by the VM's
// code or by the light kernel's (a file's operations: the kernel's state
// sits in the VM's slice, where the VM can overwrite it, so the kernel's
// indirect calls are checked like the VM's). Trusted functions never are.
bool isCallTarget(const Function &fn, const SmallPtrSetImpl<const Function *> &trusted) {
  if (fn.isIntrinsic())
    return false;
  if (isConstructorOrDestructor(fn))
    return true;
  if (trusted.count(&fn))
    return false;
  return fn.hasAddressTaken(nullptr, /*IgnoreCallbackUses=*/false,
                            /*IgnoreAssumeLikeCalls=*/true, /*IgnoreLLVMUsed=*/true);
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

  bool ready() const { return isDefined(m_, kConfineRead) && isDefined(m_, kConfineWrite); }
  bool kernelReady() const {
    return isDefined(m_, kConfineKernelRead) && isDefined(m_, kConfineKernelWrite);
  }

  // kernel: fn is the light kernel's, checked against what the kernel may
  // touch (the VM's memory, its mailbox and counters).
  void confine(Function &fn, bool kernel) {
    SmallVector<std::pair<Instruction *, Access>, 32> work;
    SmallVector<CallBase *, 8> indirect;
    const bool checkCalls = isDefined(m_, kConfineCall);
    for (Instruction &inst : instructions(fn)) {
      for (const Access &access : accessesOf(inst))
        if (!provablySafe(access))
          work.push_back({&inst, access});
      if (auto *call = dyn_cast<CallBase>(&inst);
          checkCalls && call && call->isIndirectCall() && !call->isInlineAsm())
        indirect.push_back(call);
    }
    for (auto &[inst, access] : work)
      insertCheck(*inst, access, kernel);
    for (CallBase *call : indirect)
      insertCallCheck(*call);
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

  void insertCheck(Instruction &inst, const Access &access, bool kernel) {
    IRBuilder<> b(&inst);
    PointerType *generic = PointerType::get(m_.getContext(), 0);
    Value *pointer = access.pointer;
    if (pointer->getType() != generic)
      pointer = b.CreateAddrSpaceCast(pointer, generic);
    const char *name = kernel ? (access.write ? kConfineKernelWrite : kConfineKernelRead)
                              : (access.write ? kConfineWrite : kConfineRead);
    FunctionCallee check =
        m_.getOrInsertFunction(name, b.getVoidTy(), generic, b.getInt64Ty(), generic);
    CallInst *call = b.CreateCall(check, {pointer, access.size, siteOf(inst, b)});
    call->setDebugLoc(inst.getDebugLoc());
  }

  // A corrupted function pointer must not jump past the checks (into the
  // light kernel, or the middle of a function): it must be a function entry
  // that the VM's code may reach.
  void insertCallCheck(CallBase &call) {
    IRBuilder<> b(&call);
    PointerType *generic = PointerType::get(m_.getContext(), 0);
    Value *callee = call.getCalledOperand();
    if (callee->getType() != generic)
      callee = b.CreateAddrSpaceCast(callee, generic);
    FunctionCallee check = m_.getOrInsertFunction(kConfineCall, b.getVoidTy(), generic, generic);
    CallInst *checked = b.CreateCall(check, {callee, siteOf(call, b)});
    checked->setDebugLoc(call.getDebugLoc());
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

void takeSystemCallAnnotations(Module &m, bool kernel) {
  GlobalVariable *annotations = m.getGlobalVariable("llvm.global.annotations");
  if (!annotations || !annotations->hasInitializer())
    return;
  auto *entries = dyn_cast<ConstantArray>(annotations->getInitializer());
  if (!entries)
    return;
  SmallVector<Constant *, 8> kept;
  SmallPtrSet<GlobalVariable *, 8> strings; // of the dropped entries, in llvm.metadata
  for (unsigned i = 0; i < entries->getNumOperands(); ++i) {
    auto *entry = cast<ConstantStruct>(entries->getOperand(i));
    auto *fn = dyn_cast<Function>(entry->getOperand(0)->stripPointerCasts());
    auto *text = dyn_cast<GlobalVariable>(entry->getOperand(1)->stripPointerCasts());
    auto *data = text && text->hasInitializer()
                     ? dyn_cast<ConstantDataSequential>(text->getInitializer())
                     : nullptr;
    StringRef mark = data && data->isCString() ? data->getAsCString() : "";
    if (!fn || (mark != GPUVM_SYSCALL_ATTRIBUTE && mark != GPUVM_TRUSTED_ATTRIBUTE)) {
      kept.push_back(entry);
      continue;
    }
    if (kernel && !fn->isDeclaration())
      fn->addFnAttr(mark);
    for (unsigned field = 1; field < entry->getNumOperands(); ++field)
      if (auto *gv = dyn_cast<GlobalVariable>(entry->getOperand(field)->stripPointerCasts()))
        strings.insert(gv);
  }
  if (kept.size() == entries->getNumOperands())
    return;
  GlobalVariable *replacement = nullptr;
  if (!kept.empty()) {
    auto *type = ArrayType::get(entries->getType()->getElementType(), kept.size());
    replacement = new GlobalVariable(m, type, false, annotations->getLinkage(),
                                     ConstantArray::get(type, kept), "", annotations);
    replacement->setSection(annotations->getSection());
  }
  annotations->eraseFromParent();
  if (replacement)
    replacement->setName("llvm.global.annotations");
  for (GlobalVariable *gv : strings)
    if (gv->removeDeadConstantUsers(), gv->use_empty())
      gv->eraseFromParent();
}

void markLightKernel(Module &kernel) {
  LLVMContext &ctx = kernel.getContext();
  for (Function &fn : kernel.functions())
    if (!fn.isDeclaration())
      fn.addFnAttr(GPUVM_KERNEL_ATTRIBUTE);
  for (GlobalVariable &gv : kernel.globals())
    if (!gv.isDeclaration() && !gv.getName().starts_with("llvm."))
      gv.setMetadata(GPUVM_KERNEL_ATTRIBUTE, MDNode::get(ctx, {}));
  takeSystemCallAnnotations(kernel, /*kernel=*/true);
}

namespace {

bool isKernelInternal(const GlobalValue &gv) {
  if (auto *fn = dyn_cast<Function>(&gv))
    return isKernel(*fn) && !fn->hasFnAttribute(GPUVM_SYSCALL_ATTRIBUTE) &&
           !fn->getName().starts_with("__gpuvm_confine_");
  auto *var = dyn_cast<GlobalVariable>(&gv);
  return var && var->hasMetadata(GPUVM_KERNEL_ATTRIBUTE);
}

// Every global value `value` names, through constant expressions.
void namedGlobals(const Value *value, SmallPtrSetImpl<const GlobalValue *> &out,
                  SmallPtrSetImpl<const Constant *> &seen) {
  if (auto *gv = dyn_cast<GlobalValue>(value)) {
    out.insert(gv);
    return;
  }
  if (auto *c = dyn_cast<Constant>(value); c && !isa<GlobalValue>(c) && seen.insert(c).second)
    for (const Value *operand : c->operands())
      namedGlobals(operand, out, seen);
}

} // namespace

std::vector<std::string> kernelInternalsUsed(const Module &m) {
  std::vector<std::string> uses;
  auto report = [&](const std::string &user, const SmallPtrSetImpl<const GlobalValue *> &named) {
    for (const GlobalValue *gv : named)
      if (isKernelInternal(*gv))
        uses.push_back(user + " uses the light kernel's internal '" + gv->getName().str() +
                       "': a program reaches the kernel through its system calls "
                       "(<lightkernel/syscall.h>) alone");
  };
  for (const Function &fn : m.functions()) {
    if (fn.isDeclaration() || isKernel(fn))
      continue;
    SmallPtrSet<const GlobalValue *, 8> named;
    SmallPtrSet<const Constant *, 16> seen;
    for (const Instruction &inst : instructions(fn))
      for (const Value *operand : inst.operands())
        namedGlobals(operand, named, seen);
    report(sourceName(fn), named);
  }
  for (const GlobalVariable &gv : m.globals()) {
    if (!gv.hasInitializer() || gv.hasMetadata(GPUVM_KERNEL_ATTRIBUTE) ||
        gv.getName().starts_with("llvm."))
      continue;
    SmallPtrSet<const GlobalValue *, 8> named;
    SmallPtrSet<const Constant *, 16> seen;
    namedGlobals(gv.getInitializer(), named, seen);
    report(gv.getName().str(), named);
  }
  return uses;
}

void markRuntimeLibrary(Module &library) {
  for (Function &fn : library.functions())
    if (!fn.isDeclaration())
      fn.addFnAttr(GPUVM_LIBRARY_ATTRIBUTE);
}

std::vector<std::string> inlineAssemblyUsed(const Module &m) {
  std::vector<std::string> uses;
  const bool x86 = Triple(m.getTargetTriple()).isX86();
  StringSet<> reported; // a statement that inlining copied is one use
  for (const Function &fn : m.functions()) {
    if (fn.isDeclaration() || isKernel(fn) || fn.hasFnAttribute(GPUVM_LIBRARY_ATTRIBUTE))
      continue;
    for (const Instruction &inst : instructions(fn)) {
      auto *call = dyn_cast<CallBase>(&inst);
      auto *assembly = call ? dyn_cast<InlineAsm>(call->getCalledOperand()) : nullptr;
      if (!assembly || StringRef(assembly->getAsmString()).trim().empty() ||
          (x86 && isRegisterOnlyX86Assembly(*assembly)))
        continue;
      std::string where;
      if (const DebugLoc &loc = inst.getDebugLoc())
        where = " (" + cast<DIScope>(loc->getScope())->getFilename().str() + ":" +
                std::to_string(loc.getLine()) + ")";
      // As the source spells it ("%0" and "$1", where IR has "$0" and
      // "$$1"), on one line: its statements joined by "; ".
      std::string text;
      StringRef source = StringRef(assembly->getAsmString()).trim();
      for (size_t i = 0; i < source.size(); ++i) {
        char c = source[i];
        if (c == '$' && i + 1 < source.size() && source[i + 1] == '$')
          text += source[++i];
        else if (c == '$')
          text += '%';
        else if (c == '\n')
          text += "; ";
        else if (c != '\t' || (!text.empty() && text.back() != ' '))
          text += c == '\t' ? ' ' : c;
      }
      if (text.size() > 40)
        text = text.substr(0, 40) + "...";
      std::string use = sourceName(fn) + where + " uses inline assembly ('" + text +
                        "'), which confinement cannot check (-fno-gpuvm-sfi links it unconfined)";
      if (reported.insert(use).second)
        uses.push_back(std::move(use));
    }
  }
  return uses;
}

PreservedAnalyses ConfineMemoryPass::run(Module &m, ModuleAnalysisManager &) {
  Confiner confiner(m);
  if (!confiner.ready())
    return PreservedAnalyses::all();
  const SmallPtrSet<const Function *, 32> trusted = trustedKernelFunctions(m);
  for (Function &fn : m.functions())
    if (isCallTarget(fn, trusted))
      fn.addFnAttr(kCallTarget);
  for (Function &fn : m.functions()) {
    if (fn.isDeclaration() || isMemoryPrimitive(fn))
      continue;
    if (!isKernel(fn))
      confiner.confine(fn, /*kernel=*/false);
    else if (confiner.kernelReady() && !trusted.count(&fn))
      confiner.confine(fn, /*kernel=*/true);
  }
  // Their calls are put in after optimization, which would otherwise have
  // dropped them as unused (the unsafe stack's check by splitStacks).
  for (const char *late : {kConfineBudget, GPUVM_CONFINE_STACK, GPUVM_CONFINE_UNSAFE_STACK})
    if (Function *check = m.getFunction(late); check && !check->isDeclaration())
      appendToCompilerUsed(m, {check});
  m.addModuleFlag(Module::Max, GPUVM_CONFINED_FLAG, 1);
  return PreservedAnalyses::none();
}

namespace {

// A table of generic pointers the runtime reads by name.
void emitPointerTable(Module &m, StringRef name, ArrayRef<Constant *> pointers) {
  auto *type = ArrayType::get(PointerType::get(m.getContext(), 0), pointers.size());
  auto *table = new GlobalVariable(
      m, type, true, GlobalValue::ExternalLinkage, ConstantArray::get(type, pointers), name,
      nullptr, GlobalValue::NotThreadLocal, m.getDataLayout().getDefaultGlobalsAddressSpace());
  table->setAlignment(Align(8));
  appendToUsed(m, {table});
}

// GPUVM_FUNCTION_ENTRIES_SYMBOL: every function marked before optimization
// that is still there.
void emitFunctionEntries(Module &m) {
  PointerType *generic = PointerType::get(m.getContext(), 0);
  SmallVector<Constant *, 256> entries;
  for (Function &fn : m.functions())
    if (fn.hasFnAttribute(kCallTarget))
      entries.push_back(ConstantExpr::getPointerCast(&fn, generic));
  if (entries.empty())
    return; // no indirect call can succeed
  emitPointerTable(m, GPUVM_FUNCTION_ENTRIES_SYMBOL, entries);
}

// Every kBudgetStride iterations of each loop of the VM's code, a call of
// the light kernel's budget check: a VM that never waits can be ended. After
// optimization, so that the counter does not stand in the optimizer's way;
// loops of the light kernel inlined into the VM's code count too, which
// costs a little and changes nothing (the kernel marks its waits).
void budgetLoops(Function &fn, Function &budget) {
  DominatorTree dt(fn);
  LoopInfo loops(dt);
  SmallVector<Loop *, 16> all = loops.getLoopsInPreorder();
  IntegerType *i32 = Type::getInt32Ty(fn.getContext());
  for (Loop *loop : all) {
    BasicBlock *header = loop->getHeader();
    if (header->isEHPad())
      continue;
    SmallVector<BasicBlock *, 4> predecessors(pred_begin(header), pred_end(header));
    PHINode *count = PHINode::Create(i32, predecessors.size(), "gpuvm.budget");
    count->insertBefore(header->begin());
    IRBuilder<> b(&*header->getFirstInsertionPt());
    Value *next = b.CreateAdd(count, ConstantInt::get(i32, 1));
    for (BasicBlock *from : predecessors)
      count->addIncoming(loop->contains(from) ? next : ConstantInt::get(i32, 0), from);
    Value *due = b.CreateICmpEQ(b.CreateAnd(next, kBudgetStride - 1), ConstantInt::get(i32, 0));
    Instruction *then = SplitBlockAndInsertIfThen(
        due, &*b.GetInsertPoint(), false, MDBuilder(fn.getContext()).createUnlikelyBranchWeights());
    CallInst *call = CallInst::Create(&budget, {}, "", then->getIterator());
    call->setDoesNotThrow();
    if (DISubprogram *scope = fn.getSubprogram())
      call->setDebugLoc(DILocation::get(fn.getContext(), 0, 0, scope));
  }
}

// Functions whose frames may pile up without bound: those in a cycle of
// direct calls, and those called through a pointer (which the call graph
// cannot follow).
SmallPtrSet<const Function *, 32> mayRecurse(Module &m) {
  SmallPtrSet<const Function *, 32> found;
  CallGraph graph(m);
  for (auto scc = scc_begin(&graph); !scc.isAtEnd(); ++scc)
    if (scc.hasCycle())
      for (const CallGraphNode *node : *scc)
        if (const Function *fn = node->getFunction())
          found.insert(fn);
  for (const Function &fn : m.functions())
    if (!fn.isDeclaration() && fn.hasAddressTaken())
      found.insert(&fn);
  return found;
}

// A frame too large for what may be left of the stack must not be set up
// before the check: its first store beyond the stack faults the whole
// launch, and the check, a call, needs stack below it too. Such a function's
// body moves into a new one, which the old, frameless now, calls once the
// check has passed. Returns where the check goes, or null where the body
// cannot move (variadic, or arguments passed in the caller's frame).
BasicBlock *moveFrameOut(Function &fn) {
  if (fn.isVarArg())
    return nullptr;
  for (const Argument &arg : fn.args())
    if (arg.hasByValAttr() || arg.hasInAllocaAttr() || arg.hasPreallocatedAttr() ||
        arg.hasStructRetAttr())
      return nullptr;
  Function *body = Function::Create(fn.getFunctionType(), GlobalValue::InternalLinkage,
                                    fn.getAddressSpace(), fn.getName() + ".frame", fn.getParent());
  body->copyAttributesFrom(&fn);
  body->setLinkage(GlobalValue::InternalLinkage);
  body->setVisibility(GlobalValue::DefaultVisibility);
  body->removeFnAttr(kCallTarget);
  body->addFnAttr(Attribute::NoInline);
  body->splice(body->begin(), &fn);
  for (auto [from, to] : zip(fn.args(), body->args())) {
    to.setName(from.getName());
    from.replaceAllUsesWith(&to);
  }
  body->setSubprogram(fn.getSubprogram());
  fn.setSubprogram(nullptr);
  BasicBlock *entry = BasicBlock::Create(fn.getContext(), "", &fn);
  IRBuilder<> b(entry);
  SmallVector<Value *, 8> args;
  for (Argument &arg : fn.args())
    args.push_back(&arg);
  CallInst *call = b.CreateCall(body, args);
  call->setCallingConv(body->getCallingConv());
  if (fn.getReturnType()->isVoidTy())
    b.CreateRetVoid();
  else
    b.CreateRet(call);
  return entry;
}

// On GPUs one thread's stack overflow ends the whole launch: each function
// that may recurse or has a large frame first asks the kernel whether its
// frame still fits (__gpuvm_confine_stack), which ends that VM alone if not.
// On the host, where every function but the variadic ones has a
// split-stack prologue that checks its whole frame, the variadic ones.
// Before the function entries' table, which takes every call target's address.
void checkStacks(Module &m, Function &check) {
  const SmallPtrSet<const Function *, 32> recursive = mayRecurse(m);
  const DataLayout &dl = m.getDataLayout();
  SmallVector<Function *, 32> functions;
  for (Function &fn : m.functions())
    if (!fn.isDeclaration() && !isKernel(fn) && &fn != &check && !fn.hasFnAttribute("split-stack"))
      functions.push_back(&fn);
  for (Function *fn : functions) {
    uint64_t frame = 0;
    bool dynamic = false;
    for (Instruction &inst : instructions(*fn))
      if (auto *alloca = dyn_cast<AllocaInst>(&inst)) {
        std::optional<TypeSize> size = alloca->getAllocationSize(dl);
        if (alloca->isStaticAlloca() && size && !size->isScalable())
          frame += size->getFixedValue();
        else
          dynamic = true;
      }
    if (!recursive.count(fn) && !dynamic && frame < kLargeFrame)
      continue;
    DISubprogram *scope = fn->getSubprogram();
    // Said in the report: which function, and where its source is.
    std::string where = demangle(sourceName(*fn));
    if (scope)
      where += " (" + scope->getFilename().str() + ":" + std::to_string(scope->getLine()) + ")";
    BasicBlock *at = frame >= kLargeFrame ? moveFrameOut(*fn) : nullptr;
    IRBuilder<> b(at ? &*at->getFirstInsertionPt() : &*fn->getEntryBlock().getFirstInsertionPt());
    GlobalVariable *site =
        b.CreateGlobalString(where, ".gpuvm.site", dl.getDefaultGlobalsAddressSpace(), &m);
    CallInst *call = b.CreateCall(
        &check, {b.getInt64(frame),
                 ConstantExpr::getPointerCast(site, check.getFunctionType()->getParamType(1))});
    call->setDoesNotThrow();
    if (scope && !at)
      call->setDebugLoc(DILocation::get(fn->getContext(), 0, 0, scope));
  }
}

// What a passed check proves: the range is in the region its kind allows.
// The VM's writable memory lies within what it may read and within what its
// kernel may write; the kernel may read all of those.
enum class Region { UserWrite, UserRead, KernelWrite, KernelRead };

std::optional<Region> regionChecked(const CallInst &call) {
  // After optimization the site may be gone from the arguments (the
  // kernel's are always null, and dead-argument elimination drops them).
  const Function *callee = call.getCalledFunction();
  if (!callee || call.arg_size() < 2)
    return std::nullopt;
  StringRef name = callee->getName();
  if (name == kConfineWrite)
    return Region::UserWrite;
  if (name == kConfineRead)
    return Region::UserRead;
  if (name == kConfineKernelWrite)
    return Region::KernelWrite;
  if (name == kConfineKernelRead)
    return Region::KernelRead;
  return std::nullopt;
}

bool within(Region inner, Region outer) {
  return inner == outer || inner == Region::UserWrite ||
         (outer == Region::KernelRead && inner != Region::KernelRead);
}

// A check call's range as a constant span of a base, when it is one.
struct CheckedRange {
  Value *base;
  int64_t begin, end;
  Region region;
};

std::optional<CheckedRange> checkedRange(const CallInst &call, const DataLayout &dl) {
  std::optional<Region> region = regionChecked(call);
  auto *size = region ? dyn_cast<ConstantInt>(call.getArgOperand(1)) : nullptr;
  if (!size || size->getValue().getActiveBits() > 62)
    return std::nullopt;
  Value *pointer = call.getArgOperand(0);
  APInt offset(dl.getIndexTypeSizeInBits(pointer->getType()), 0);
  Value *base = pointer->stripAndAccumulateConstantOffsets(dl, offset, true);
  if (offset.getSignificantBits() > 62)
    return std::nullopt;
  const int64_t begin = offset.getSExtValue();
  return CheckedRange{base, begin, begin + (int64_t)size->getZExtValue(), *region};
}

// Where checks stay calls after optimization (NVPTX), a check whose range a
// dominating check of the same base already proved, in a region at least as
// narrow, is dropped: what a VM may touch does not change while it runs, and
// had the first failed, the VM would have ended there.
void dropImpliedChecks(Function &fn) {
  const DataLayout &dl = fn.getParent()->getDataLayout();
  DenseMap<const Value *, SmallVector<std::pair<CallInst *, CheckedRange>, 4>> byBase;
  for (Instruction &inst : instructions(fn))
    if (auto *call = dyn_cast<CallInst>(&inst))
      if (std::optional<CheckedRange> range = checkedRange(*call, dl))
        byBase[range->base].push_back({call, *range});
  if (byBase.empty())
    return;
  DominatorTree dt(fn);
  SmallPtrSet<CallInst *, 16> dropped;
  for (auto &[base, checks] : byBase)
    for (const auto &[later, inner] : checks)
      for (const auto &[earlier, outer] : checks)
        if (earlier != later && outer.begin <= inner.begin && inner.end <= outer.end &&
            within(outer.region, inner.region) && dt.dominates(earlier, later)) {
          dropped.insert(later);
          break;
        }
  for (CallInst *call : dropped)
    call->eraseFromParent();
}

// Checks of one base, of one kind, in a stretch of a block that runs to its
// end once begun, become one check of their span, where the first was: were
// any of them to fail, the VM would end a few instructions later anyway.
// Different fields of one structure are the usual case.
void mergeChecksInBlocks(Function &fn) {
  struct Span {
    CallInst *first;
    Value *base;
    int64_t begin, end;
    SmallVector<CallInst *, 4> merged;
  };
  const DataLayout &dl = fn.getParent()->getDataLayout();
  SmallVector<Span, 8> done;
  for (BasicBlock &block : fn) {
    DenseMap<std::pair<const Value *, const Function *>, Span> open;
    auto closeAll = [&] {
      for (auto &[key, span] : open)
        if (!span.merged.empty())
          done.push_back(std::move(span));
      open.clear();
    };
    for (Instruction &inst : block) {
      auto *call = dyn_cast<CallInst>(&inst);
      if (call && regionChecked(*call)) {
        std::optional<CheckedRange> range = checkedRange(*call, dl);
        if (!range)
          continue;
        auto [at, fresh] = open.try_emplace({range->base, call->getCalledFunction()},
                                            Span{call, range->base, range->begin, range->end, {}});
        if (!fresh) {
          at->second.begin = std::min(at->second.begin, range->begin);
          at->second.end = std::max(at->second.end, range->end);
          at->second.merged.push_back(call);
        }
        continue;
      }
      if (!isGuaranteedToTransferExecutionToSuccessor(&inst))
        closeAll();
    }
    closeAll();
  }
  for (Span &span : done) {
    IRBuilder<> b(span.first);
    Value *at = span.base;
    if (span.begin)
      at = b.CreateConstGEP1_64(b.getInt8Ty(), at, span.begin);
    at = b.CreatePointerBitCastOrAddrSpaceCast(at, span.first->getArgOperand(0)->getType());
    span.first->setArgOperand(0, at);
    span.first->setArgOperand(1, b.getInt64(span.end - span.begin));
    for (CallInst *call : span.merged)
      call->eraseFromParent();
  }
}

// Whether a loop does nothing seen outside the VM before it ends: no call
// but checks and intrinsics (a VM's own memory is gone once it ends, and a
// failing check ends it), so that a check moved before it changes only when
// a wild access is reported, not what else the VM did first.
bool onlyChecksAndIntrinsics(const Loop &loop) {
  for (BasicBlock *block : loop.blocks())
    for (Instruction &inst : *block)
      if (auto *call = dyn_cast<CallBase>(&inst);
          call && !isa<IntrinsicInst>(call) &&
          !(isa<CallInst>(call) && regionChecked(*cast<CallInst>(call))))
        return false;
  return true;
}

// Where checks stay calls after optimization (NVPTX), a check in a loop whose
// address moves by a fixed step each iteration becomes one check, before the
// loop, of every address the loop will reach: where the loop's only exit is
// its latch, the check runs in every iteration, the number of iterations is
// known on entry, and the loop does nothing else seen outside the VM. Then
// outward, loop by loop, while the same holds.
void hoistChecksOutOfLoops(Function &fn) {
  SmallVector<CallInst *, 16> checks;
  for (Instruction &inst : instructions(fn))
    if (auto *call = dyn_cast<CallInst>(&inst); call && regionChecked(*call))
      checks.push_back(call);
  if (checks.empty())
    return;
  DominatorTree dt(fn);
  LoopInfo loops(dt);
  if (loops.empty())
    return;
  // The optimizer's last clean-ups leave some loops without a block of their
  // own to enter by (a preheader), where the checks would go.
  for (CallInst *check : checks)
    for (Loop *loop = loops.getLoopFor(check->getParent()); loop; loop = loop->getParentLoop())
      if (!loop->getLoopPreheader())
        InsertPreheaderForLoop(loop, &dt, &loops, nullptr, false);
  const DataLayout &dl = fn.getParent()->getDataLayout();
  TargetLibraryInfoImpl libraryInfo(fn.getParent()->getTargetTriple());
  TargetLibraryInfo library(libraryInfo, &fn);
  AssumptionCache assumptions(fn);
  ScalarEvolution se(fn, library, assumptions, dt, loops);
  SCEVExpander expander(se, "confine");
  for (CallInst *check : checks) {
    for (Loop *loop = loops.getLoopFor(check->getParent()); loop; loop = loop->getParentLoop()) {
      BasicBlock *before = loop->getLoopPreheader();
      BasicBlock *latch = loop->getLoopLatch();
      if (!before || !latch || loop->getExitingBlock() != latch ||
          !dt.dominates(check->getParent(), latch) || !onlyChecksAndIntrinsics(*loop))
        break;
      auto *moving = dyn_cast<SCEVAddRecExpr>(se.getSCEV(check->getArgOperand(0)));
      const SCEV *length = se.getSCEV(check->getArgOperand(1));
      const SCEV *count = se.getBackedgeTakenCount(loop);
      if (!moving || moving->getLoop() != loop || !moving->isAffine() ||
          !se.isLoopInvariant(moving->getStart(), loop) || !se.isLoopInvariant(length, loop) ||
          isa<SCEVCouldNotCompute>(count))
        break;
      Type *index = dl.getIndexType(check->getArgOperand(0)->getType());
      const SCEV *step = moving->getStepRecurrence(se);
      const bool down = se.isKnownNegative(step);
      if (!down && !se.isKnownNonNegative(step))
        break;
      const SCEV *stride = down ? se.getNegativeSCEV(step) : step;
      const SCEV *iterations = se.getTruncateOrZeroExtend(count, index);
      const SCEV *bytes = se.getTruncateOrZeroExtend(length, index);
      Instruction *at = before->getTerminator();
      if (!expander.isSafeToExpandAt(moving->getStart(), at) ||
          !expander.isSafeToExpandAt(stride, at) || !expander.isSafeToExpandAt(iterations, at) ||
          !expander.isSafeToExpandAt(bytes, at))
        break;
      Value *pointer = check->getArgOperand(0);
      Value *start = expander.expandCodeFor(moving->getStart(), pointer->getType(), at);
      IRBuilder<> b(at);
      Value *travel, *span;
      const SCEV *distance = se.getMulExpr(stride, iterations);
      if (se.willNotOverflow(Instruction::Mul, false, stride, iterations) &&
          se.willNotOverflow(Instruction::Add, false, distance, bytes)) {
        travel = expander.expandCodeFor(distance, index, at);
        span = expander.expandCodeFor(se.getAddExpr(distance, bytes), index, at);
      } else {
        // In wrapping arithmetic the span of a count the loop cannot really
        // run (a count of zero that wraps, say) could come out small: then
        // it is the whole address space, which no check passes.
        Value *product = b.CreateBinaryIntrinsic(Intrinsic::umul_with_overflow,
                                                 expander.expandCodeFor(stride, index, at),
                                                 expander.expandCodeFor(iterations, index, at));
        travel = b.CreateExtractValue(product, 0);
        Value *sum = b.CreateBinaryIntrinsic(Intrinsic::uadd_with_overflow, travel,
                                             expander.expandCodeFor(bytes, index, at));
        span = b.CreateSelect(
            b.CreateOr(b.CreateExtractValue(product, 1), b.CreateExtractValue(sum, 1)),
            ConstantInt::getAllOnesValue(index), b.CreateExtractValue(sum, 0));
      }
      Value *low = down ? b.CreateGEP(b.getInt8Ty(), start, b.CreateNeg(travel)) : start;
      Value *size = b.CreateZExtOrTrunc(span, check->getArgOperand(1)->getType());
      auto *hoisted = cast<CallInst>(check->clone());
      hoisted->insertBefore(at->getIterator());
      hoisted->setArgOperand(0, low);
      hoisted->setArgOperand(1, size);
      check->eraseFromParent();
      check = hoisted;
    }
  }
}

} // namespace

void confineAfterOptimization(Module &m) {
  Function *budget = m.getFunction(kConfineBudget);
  auto *confined = mdconst::extract_or_null<ConstantInt>(m.getModuleFlag(GPUVM_CONFINED_FLAG));
  if (!confined || confined->isZero())
    return;
  for (Function &fn : m.functions())
    if (!fn.isDeclaration()) {
      dropImpliedChecks(fn);
      mergeChecksInBlocks(fn);
      hoistChecksOutOfLoops(fn);
    }
  if (Function *stack = m.getFunction(GPUVM_CONFINE_STACK); stack && !stack->isDeclaration())
    checkStacks(m, *stack);
  emitFunctionEntries(m);
  if (!budget || budget->isDeclaration())
    return;
  for (Function &fn : m.functions())
    if (!fn.isDeclaration() && !isKernel(fn))
      budgetLoops(fn, *budget);
}

PreservedAnalyses InlineChecksPass::run(Module &m, ModuleAnalysisManager &) {
  SmallVector<CallInst *, 256> calls;
  for (const char *name : {kConfineRead, kConfineWrite, kConfineKernelRead, kConfineKernelWrite})
    if (Function *check = m.getFunction(name); check && !check->isDeclaration())
      for (User *user : check->users())
        if (auto *call = dyn_cast<CallInst>(user); call && call->getCalledFunction() == check)
          calls.push_back(call);
  inlineCalls(calls);
  return calls.empty() ? PreservedAnalyses::all() : PreservedAnalyses::none();
}

PreservedAnalyses ConfineAfterOptimizationPass::run(Module &m, ModuleAnalysisManager &) {
  confineAfterOptimization(m);
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
        gv.getName().starts_with("llvm.") || gv.getSection() == "llvm.metadata" ||
        gv.isThreadLocal())
      continue;
    uint64_t size = dl.getTypeAllocSize(gv.getValueType()).getFixedValue();
    Constant *start = ConstantExpr::getPointerCast(&gv, generic);
    Constant *end = ConstantExpr::getGetElementPtr(Type::getInt8Ty(ctx), start,
                                                   ConstantInt::get(Type::getInt64Ty(ctx), size));
    bounds.push_back(start);
    bounds.push_back(end);
  }
  emitPointerTable(m, GPUVM_CONSTANT_BOUNDS_SYMBOL, bounds);
}

} // namespace gpuvm
