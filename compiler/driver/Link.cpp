#include "Link.h"

#include "Backtrace.h"
#include "BreakGlobalCycles.h"
#include "Command.h"
#include "ConfineMemory.h"
#include "InlineCap.h"
#include "LinkerSymbols.h"
#include "NvptxParts.h"
#include "PrivatizeGlobals.h"
#include "SourceNames.h"
#include "SplitStacks.h"
#include "StackArrays.h"
#include "gpuvm/image.h"

#include <llvm/Bitcode/BitcodeReader.h>
#include <llvm/CodeGen/CommandFlags.h>
#include <llvm/IR/DiagnosticInfo.h>
#include <llvm/IR/DiagnosticPrinter.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Module.h>
#include <llvm/IRReader/IRReader.h>
#include <llvm/Linker/Linker.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Object/Archive.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/ToolOutputFile.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Transforms/IPO/Internalize.h>
#include <llvm/Transforms/InstCombine/InstCombine.h>
#include <llvm/Transforms/Scalar/EarlyCSE.h>
#include <llvm/Transforms/Scalar/LICM.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>

#include <iostream>
#include <map>
#include <set>

using namespace llvm;

namespace gpuvm::driver {

namespace {

void error(const std::string &message) {
  std::cerr << "gpu-c++: error: " << message << "\n";
}

// Functions the optimizer or the x86-64 code generator may introduce calls to
// after archive members were chosen (memcpy for a struct copy, puts for a
// printf of a constant line, bcmp for a comparison, ceilf for llvm.ceil.f32
// on an x86-64 without SSE4.1, as libc++'s hash tables use it; fma, modf,
// frexp and the rounding functions, which clang makes intrinsics even under
// -fmath-errno and the baseline x86-64 lowers to calls; ceill and llroundl,
// whose x87 forms have no instruction at all). Host images always
// link libc_gpu's, so such calls never reach the loading process's own libc.
const std::vector<std::string> &hostLibcalls() {
  static const std::vector<std::string> names{
      "memcpy", "memmove",   "memset",     "memcmp",  "bcmp",   "memchr", "strlen",  "strchr",
      "stpcpy", "strcpy",    "puts",       "putchar", "fputs",  "fputc",  "fwrite",  "floor",
      "floorf", "ceil",      "ceilf",      "trunc",   "truncf", "rint",   "rintf",   "round",
      "roundf", "nearbyint", "nearbyintf", "fmin",    "fminf",  "fmax",   "fmaxf",   "fma",
      "fmaf",   "modf",      "modff",      "frexp",   "frexpf", "ceill",  "llroundl"};
  return names;
}

// Math functions the optimizer may turn calls to into LLVM intrinsics once it
// sees they only write errno (LLVM 22), and that the x86-64 code generator
// then lowers back to calls: an image that links one (because the program
// calls it) keeps it, or those calls would find nothing. Unlike
// hostLibcalls(), none is linked unless called.
const std::vector<std::string> &mathLibcalls() {
  static const std::vector<std::string> names{
      "sin",   "sinf",  "cos",    "cosf",    "tan",    "tanf",    "asin",    "asinf",   "acos",
      "acosf", "atan",  "atanf",  "atan2",   "atan2f", "sinh",    "sinhf",   "cosh",    "coshf",
      "tanh",  "tanhf", "exp",    "expf",    "exp2",   "exp2f",   "exp10",   "exp10f",  "log",
      "logf",  "log2",  "log2f",  "log10",   "log10f", "pow",     "powf",    "ldexp",   "ldexpf",
      "fmod",  "fmodf", "sincos", "sincosf", "lround", "lroundf", "llround", "llroundf"};
  return names;
}

// Symbols an image keeps visible: what backends look up, and the functions
// later stages may call.
const std::set<std::string> &exportedSymbols() {
  static const std::set<std::string> names = [] {
    // The split-stack code's callees, which code generation calls and lld
    // looks up by name.
    std::set<std::string> all{GPUVM_IMAGE_INFO_SYMBOL,      GPUVM_HOST_ENTRY,
                              GPUVM_KERNEL_ENTRY,           GPUVM_LAUNCH_SYMBOL,
                              GPUVM_CONSTANT_BOUNDS_SYMBOL, "__morestack",
                              "__morestack_non_split",      "__morestack_allocate_stack_space"};
    all.insert(hostLibcalls().begin(), hostLibcalls().end());
    all.insert(mathLibcalls().begin(), mathLibcalls().end());
    return all;
  }();
  return names;
}

// Symbols the runtime, not the image, defines (the host backend's VM
// pointers).
bool providedByRuntime(const Target &t, StringRef name) {
  return t.kind == TargetKind::Host &&
         (name == "__gpuvm_host_vm_base" || name == "__gpuvm_host_vm_stack" ||
          name == "__safestack_unsafe_stack_ptr");
}

// Symbols the privatizing pass defines for the light kernel's boot.
bool definedByPrivatizePass(StringRef name) {
  return name == GPUVM_IMAGE_INFO_SYMBOL || name == GPUVM_DATA_TEMPLATE_SYMBOL ||
         name == GPUVM_FIXUPS_SYMBOL || name == GPUVM_CTORS_SYMBOL || name == GPUVM_DTORS_SYMBOL;
}

// Our module flags differ between objects only in ways the image decides.
void dropModuleFlag(Module &m, StringRef name) {
  NamedMDNode *flags = m.getModuleFlagsMetadata();
  if (!flags)
    return;
  SmallVector<MDNode *, 8> kept;
  for (MDNode *flag : flags->operands())
    if (flag->getNumOperands() < 2 || !isa<MDString>(flag->getOperand(1)) ||
        cast<MDString>(flag->getOperand(1))->getString() != name)
      kept.push_back(flag);
  flags->clearOperands();
  for (MDNode *flag : kept)
    flags->addOperand(flag);
}

// libc_gpu's start calls main(argc, argv, envp); programs define main with
// fewer parameters, which GPU targets cannot call through that signature.
void normalizeMain(Module &m) {
  Function *userMain = m.getFunction("main");
  if (!userMain || userMain->isDeclaration())
    return;
  LLVMContext &ctx = m.getContext();
  Type *i32 = Type::getInt32Ty(ctx);
  PointerType *ptr = PointerType::getUnqual(ctx);
  FunctionType *expected = FunctionType::get(i32, {i32, ptr, ptr}, false);
  if (userMain->getFunctionType() == expected)
    return;
  userMain->setName(RENAMED_USER_MAIN);
  Function *wrapper = Function::Create(expected, GlobalValue::ExternalLinkage, "main", m);
  userMain->replaceAllUsesWith(wrapper);
  IRBuilder<> b(BasicBlock::Create(ctx, "entry", wrapper));
  SmallVector<Value *, 3> args;
  FunctionType *given = userMain->getFunctionType();
  for (unsigned i = 0; i < given->getNumParams() && i < 3; ++i) {
    Value *arg = wrapper->getArg(i);
    Type *want = given->getParamType(i);
    if (want != arg->getType())
      arg = want->isIntegerTy() && arg->getType()->isIntegerTy() ? b.CreateSExtOrTrunc(arg, want)
                                                                 : PoisonValue::get(want);
    args.push_back(arg);
  }
  CallInst *call = b.CreateCall(userMain, args);
  Type *ret = given->getReturnType();
  b.CreateRet(ret->isIntegerTy() ? b.CreateSExtOrTrunc(call, i32)
                                 : static_cast<Value *>(b.getInt32(0)));
}

class ImageLinker {
public:
  ImageLinker(const Toolchain &tc, const LinkJob &job, TargetMachine &tm)
      : tc_(tc), job_(job), tm_(tm), image_(std::make_unique<Module>("image", ctx_)),
        linker_(*image_) {
    image_->setTargetTriple(Triple(job.target.triple));
    image_->setDataLayout(tm.createDataLayout());
    ctx_.setDiagnosticHandlerCallBack(
        [](const DiagnosticInfo *di, void *self) {
          std::string text;
          raw_string_ostream os(text);
          DiagnosticPrinterRawOStream printer(os);
          di->print(printer);
          if (di->getSeverity() == DS_Error) {
            static_cast<ImageLinker *>(self)->failed_ = true;
            error(text);
          } else if (di->getSeverity() == DS_Warning) {
            std::cerr << "gpu-c++: warning: " << text << "\n";
          }
        },
        this);
  }

  // kernel: the light kernel (crt.o), whose functions confinement leaves
  // unchecked.
  bool addObject(const std::string &path, bool kernel = false) {
    auto buffer = MemoryBuffer::getFile(path);
    if (!buffer) {
      error(path + ": " + buffer.getError().message());
      return false;
    }
    auto label = job_.objectLabels.find(path);
    const std::string &name = label != job_.objectLabels.end() ? label->second : path;
    auto module = load((*buffer)->getMemBufferRef(), name);
    if (module && kernel)
      gpuvm::markLightKernel(*module);
    return module && linkIn(std::move(module), name, Linker::Flags::None);
  }

  // Archive semantics: a member is linked when it defines a symbol the image
  // still needs, until nothing more is needed. pulled tells whether any was.
  // library: one of gpuvm's own (libc_gpu, libc++), whose inline assembly
  // a confined image may hold.
  bool addArchive(const std::string &path, bool library, bool &pulled) {
    auto buffer = MemoryBuffer::getFile(path);
    if (!buffer) {
      error(path + ": " + buffer.getError().message());
      return false;
    }
    auto archive = object::Archive::create((*buffer)->getMemBufferRef());
    if (!archive) {
      error(path + ": not an archive: " + toString(archive.takeError()));
      return false;
    }
    struct Member {
      std::string name;
      std::unique_ptr<Module> module;
    };
    std::vector<Member> members;
    Error err = Error::success();
    for (const object::Archive::Child &child : (*archive)->children(err)) {
      auto name = child.getName();
      auto ref = child.getMemoryBufferRef();
      if (!name || !ref) {
        consumeError(name.takeError());
        consumeError(ref.takeError());
        error(path + ": damaged archive member");
        return false;
      }
      std::string label = path + "(" + name->str() + ")";
      auto module = load(*ref, label);
      if (!module)
        return false;
      if (library)
        gpuvm::markRuntimeLibrary(*module);
      members.push_back({label, std::move(module)});
    }
    if (err) {
      error(path + ": " + toString(std::move(err)));
      return false;
    }
    for (bool progress = true; progress;) {
      progress = false;
      for (Member &member : members)
        if (member.module && definesNeededSymbol(*member.module)) {
          if (!linkIn(std::move(member.module), member.name, Linker::Flags::None))
            return false;
          progress = pulled = true;
        }
    }
    buffers_.push_back(std::move(*buffer));
    return true;
  }

  // Vendor bitcode (ocml): only what the image calls.
  bool addLibrary(const std::string &path) {
    SMDiagnostic diag;
    auto module = parseIRFile(path, diag, ctx_);
    if (!module) {
      error(path + ": " + diag.getMessage().str());
      return false;
    }
    prepare(*module);
    return linkIn(std::move(module), path, Linker::Flags::LinkOnlyNeeded);
  }

  // Makes archive resolution pull these definitions in even before anything
  // calls them.
  void require(const std::vector<std::string> &names) {
    FunctionType *type = FunctionType::get(Type::getVoidTy(ctx_), false);
    for (const std::string &name : names)
      if (!image_->getNamedValue(name))
        Function::Create(type, GlobalValue::ExternalLinkage, name, *image_);
  }

  // Math calls that became LLVM intrinsics before the link (libc++'s float
  // overloads call __builtin_sinf, which is llvm.sin.f32 where errno is off;
  // LLVM 22 turns a call to log whose errno nobody reads into llvm.log) go
  // back to the math library: the host's code generator lowers them to calls
  // by the C name, which must then be in the image; NVPTX cannot lower them
  // at all, so they become calls to the __gpuvm_ names <math.h> gives the
  // functions there. Archive resolution then pulls the definitions in.
  void rerouteMathIntrinsics() {
    static const struct {
      Intrinsic::ID id;
      const char *name;
    } math[] = {
        {Intrinsic::sin, "sin"},     {Intrinsic::cos, "cos"},   {Intrinsic::tan, "tan"},
        {Intrinsic::asin, "asin"},   {Intrinsic::acos, "acos"}, {Intrinsic::atan, "atan"},
        {Intrinsic::atan2, "atan2"}, {Intrinsic::sinh, "sinh"}, {Intrinsic::cosh, "cosh"},
        {Intrinsic::tanh, "tanh"},   {Intrinsic::exp, "exp"},   {Intrinsic::exp2, "exp2"},
        {Intrinsic::exp10, "exp10"}, {Intrinsic::log, "log"},   {Intrinsic::log2, "log2"},
        {Intrinsic::log10, "log10"}, {Intrinsic::pow, "pow"},   {Intrinsic::ldexp, "ldexp"}};
    TargetKind kind = job_.target.kind;
    if (kind == TargetKind::Amdgcn)
      return; // ocml's wrappers cover fewer functions; AMDGPU lowers what it can
    std::vector<std::string> needed;
    for (Function &fn : make_early_inc_range(image_->functions())) {
      if (!fn.isIntrinsic())
        continue;
      Type *type = fn.getReturnType();
      if (!type->isDoubleTy() && !type->isFloatTy())
        continue; // vectors and other types stay with the code generator
      for (const auto &entry : math) {
        if (fn.getIntrinsicID() != entry.id)
          continue;
        std::string name = std::string(entry.name) + (type->isFloatTy() ? "f" : "");
        if (kind == TargetKind::Host) {
          needed.push_back(name);
        } else {
          FunctionCallee library =
              image_->getOrInsertFunction("__gpuvm_" + name, fn.getFunctionType());
          for (User *user : fn.users())
            if (auto *call = dyn_cast<CallInst>(user))
              call->removeFnAttr(Attribute::Memory); // the library's own say
          fn.replaceAllUsesWith(library.getCallee());
          fn.eraseFromParent();
        }
        break;
      }
    }
    require(needed);
  }

  bool hasUndefinedCalls() const {
    for (const Function &fn : image_->functions())
      if (fn.isDeclaration() && !fn.isIntrinsic() && !fn.use_empty())
        return true;
    return false;
  }

  // Runs the pass pipeline and code generation, then the external tools.
  int finish();

private:
  std::unique_ptr<Module> load(MemoryBufferRef ref, const std::string &label) {
    if (!isBitcode(reinterpret_cast<const unsigned char *>(ref.getBufferStart()),
                   reinterpret_cast<const unsigned char *>(ref.getBufferEnd()))) {
      error(label + ": not a gpu-c++ object (LLVM bitcode expected; compile it with gpu-c++ -c)");
      return nullptr;
    }
    auto module = getLazyBitcodeModule(ref, ctx_);
    if (!module) {
      error(label + ": " + toString(module.takeError()));
      return nullptr;
    }
    Triple triple((*module)->getTargetTriple());
    if (triple.getArch() != Triple(job_.target.triple).getArch()) {
      error(label + ": compiled for " + triple.str() + ", cannot link into a " + job_.target.name +
            " image");
      return nullptr;
    }
    prepare(**module);
    return std::move(*module);
  }

  void prepare(Module &m) {
    // The image's own triple, data layout and code object version win.
    m.setTargetTriple(Triple(job_.target.triple));
    m.setDataLayout(image_->getDataLayout());
    dropModuleFlag(m, "amdhsa_code_object_version");
  }

  bool definesNeededSymbol(Module &m) const {
    for (const GlobalValue &gv : m.global_values()) {
      if (gv.isDeclaration() || gv.hasLocalLinkage())
        continue;
      // As in ELF, a weak reference alone pulls in no archive member.
      const GlobalValue *have = image_->getNamedValue(gv.getName());
      if (have && have->isDeclaration() && !have->hasExternalWeakLinkage())
        return true;
    }
    return false;
  }

  // A strong definition of a name the image already defines strongly is an
  // error that names both places, as ld's "multiple definition" does.
  bool checkMultipleDefinitions(const Module &m, const std::string &label) {
    bool clash = false;
    for (const GlobalValue &gv : m.global_values()) {
      if (gv.isDeclaration() || gv.hasLocalLinkage() || !isStrong(gv))
        continue;
      auto [at, fresh] = strongDefinitions_.try_emplace(gv.getName().str(), label);
      if (!fresh) {
        error("multiple definition of '" + gv.getName().str() + "': first defined in " +
              at->second + ", again in " + label);
        clash = true;
      }
    }
    return !clash;
  }

  static bool isStrong(const GlobalValue &gv) {
    return !gv.hasWeakLinkage() && !gv.hasLinkOnceLinkage() && !gv.hasCommonLinkage() &&
           !gv.hasAvailableExternallyLinkage() && !gv.hasAppendingLinkage();
  }

  bool linkIn(std::unique_ptr<Module> m, const std::string &label, unsigned flags) {
    gpuvm::takeSystemCallAnnotations(*m, /*kernel=*/false);
    // Vendor bitcode gives only what is still missing.
    if (!(flags & Linker::Flags::LinkOnlyNeeded) && !checkMultipleDefinitions(*m, label))
      return false;
    if (linker_.linkInModule(std::move(m), flags) || failed_) {
      error("cannot link " + label);
      return false;
    }
    return true;
  }

  bool checkUndefined() {
    std::vector<std::string> missing;
    for (const GlobalValue &gv : image_->global_values())
      if (gv.isDeclaration() && !gv.use_empty() && !gv.getName().starts_with("llvm.") &&
          !providedByRuntime(job_.target, gv.getName()) && !definedByPrivatizePass(gv.getName()) &&
          gv.getName() != "__nvvm_reflect" && // resolved by the NVPTX pipeline
          !(isa<Function>(gv) && cast<Function>(gv).isIntrinsic()))
        missing.push_back(gv.getName().str());
    for (const std::string &name : missing) {
      std::string hint;
      if (name.rfind("__ocml_", 0) == 0 || name.rfind("__ockl_", 0) == 0)
        hint = " (from ROCm Device Libs)";
      error("undefined reference to '" + name + "'" + hint);
    }
    return missing.empty();
  }

  // A confined image's program, libc and libc++ reach the light kernel
  // through its system calls alone, and hold no inline assembly.
  bool checkKernelUses() {
    if (!job_.confine)
      return true;
    std::vector<std::string> uses = gpuvm::kernelInternalsUsed(*image_);
    for (std::string &use : gpuvm::inlineAssemblyUsed(*image_))
      uses.push_back(std::move(use));
    for (const std::string &use : uses)
      error(use);
    return uses.empty();
  }

  void runPasses(TargetMachine &tm, function_ref<void(PassBuilder &, ModulePassManager &)> build);
  void optimize(TargetMachine &tm);
  void buildPipeline(PassBuilder &pb, ModulePassManager &mpm);
  void finishHostCode(TargetMachine &tm);
  bool emit(TargetMachine &tm, const std::string &path, CodeGenFileType type);

  const Toolchain &tc_;
  const LinkJob &job_;
  TargetMachine &tm_;
  LLVMContext ctx_;
  std::unique_ptr<Module> image_;
  Linker linker_;
  std::vector<std::unique_ptr<MemoryBuffer>> buffers_;
  std::map<std::string, std::string> strongDefinitions_; // name -> the object that defines it
  bool failed_ = false;
};

// ptxas merges neighbouring accesses of a variable-length array (PTX's
// alloca) into 16-byte ones, as if alloca gave 16-byte aligned memory, while
// it gives what was asked (8 for an array of int): on an H100 that faulted
// the whole launch (misaligned local address). Asking for 16 makes its
// assumption true.
void alignVariableLengthArrays(Module &m) {
  for (Function &fn : m.functions())
    for (Instruction &inst : instructions(fn))
      if (auto *alloca = dyn_cast<AllocaInst>(&inst); alloca && !alloca->isStaticAlloca())
        alloca->setAlignment(std::max(alloca->getAlign(), Align(16)));
}

std::unique_ptr<TargetMachine> targetMachine(const LinkJob &job_) {
  std::string err;
  const llvm::Target *target = TargetRegistry::lookupTarget(Triple(job_.target.triple), err);
  if (!target) {
    error("LLVM has no " + job_.target.triple + " backend: " + err);
    return nullptr;
  }
  TargetOptions options;
  std::optional<Reloc::Model> reloc;
  if (job_.target.kind != TargetKind::Nvptx)
    reloc = Reloc::PIC_;
  CodeGenOptLevel level = job_.optLevel == '0'   ? CodeGenOptLevel::None
                          : job_.optLevel == '1' ? CodeGenOptLevel::Less
                          : job_.optLevel == '3' ? CodeGenOptLevel::Aggressive
                                                 : CodeGenOptLevel::Default;
  // AMDGPU: scratch (the stack) through flat scratch instructions, with the
  // stack pointer in an SGPR. Under the default MUBUF model, LLVM 22 turns
  // the address of a stack object in a scalar select (the null check of a
  // private-to-generic cast) into a VGPR operand of S_CSELECT_B32 when no
  // SGPR is free, an illegal instruction ("Operand has incorrect register
  // class"); libc++'s std::regex_replace hits it on gfx908, gfx90a and
  // gfx1030.
  //
  // NVPTX: PTX ISA 7.8 (CUDA 11.8) on every arch. LLVM's default for sm_80 is
  // 7.0, which cannot initialize the packed data template when it holds
  // pointers (to string literals, say): that needs 7.1.
  std::string features = job_.target.kind == TargetKind::Amdgcn  ? "+enable-flat-scratch"
                         : job_.target.kind == TargetKind::Nvptx ? "+ptx78"
                                                                 : "";
  return std::unique_ptr<TargetMachine>(target->createTargetMachine(
      Triple(job_.target.triple), job_.target.arch, features, options, reloc, std::nullopt, level));
}

void ImageLinker::runPasses(TargetMachine &tm,
                            function_ref<void(PassBuilder &, ModulePassManager &)> build) {
  LoopAnalysisManager lam;
  FunctionAnalysisManager fam;
  CGSCCAnalysisManager cgam;
  ModuleAnalysisManager mam;
  PassBuilder pb(&tm);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  capInlining(mam, job_.maxInlineSize);
  ModulePassManager mpm;
  build(pb, mpm);
  mpm.run(*image_, mam);
}

void ImageLinker::optimize(TargetMachine &tm) {
  runPasses(tm, [this](PassBuilder &pb, ModulePassManager &mpm) { buildPipeline(pb, mpm); });
}

// Host code after confinement's own pass: the checks that are left are
// inlined, what they share (the VM's base, the launch's bounds) loaded once
// and out of loops, and the stacks split.
void ImageLinker::finishHostCode(TargetMachine &tm) {
  runPasses(tm, [&](PassBuilder &, ModulePassManager &mpm) {
    mpm.addPass(gpuvm::InlineChecksPass());
    if (job_.optLevel != '0') {
      FunctionPassManager tidy;
      tidy.addPass(EarlyCSEPass(/*UseMemorySSA=*/true));
      tidy.addPass(createFunctionToLoopPassAdaptor(LICMPass(LICMOptions()), /*UseMemorySSA=*/true));
      tidy.addPass(InstCombinePass());
      tidy.addPass(SimplifyCFGPass());
      mpm.addPass(createModuleToFunctionPassAdaptor(std::move(tidy)));
    }
    mpm.addPass(gpuvm::SplitStacksPass(tm));
  });
}

void ImageLinker::buildPipeline(PassBuilder &pb, ModulePassManager &mpm) {
  mpm.addPass(InternalizePass(
      [](const GlobalValue &gv) { return exportedSymbols().count(gv.getName().str()) > 0; }));
  // NVPTX cannot emit globals whose initializers name each other (RTTI's
  // own type_info objects and vtables do); the cut edges become stores that
  // each VM's boot makes before its other constructors.
  if (job_.target.kind == TargetKind::Nvptx || job_.nvptxTransforms) {
    mpm.addPass(gpuvm::BreakGlobalCyclesPass());
    mpm.addPass(gpuvm::MoveStackArraysPass(/*variableLength=*/job_.confine));
  }
  if (job_.confine)
    mpm.addPass(gpuvm::ConfineMemoryPass());
  if (job_.backtrace)
    mpm.addPass(gpuvm::BacktracePass());
  mpm.addPass(gpuvm::PrivatizeGlobalsPass(job_.target.arch));
  OptimizationLevel level = job_.optLevel == '0'   ? OptimizationLevel::O0
                            : job_.optLevel == '1' ? OptimizationLevel::O1
                            : job_.optLevel == '3' ? OptimizationLevel::O3
                            : job_.optLevel == 's' ? OptimizationLevel::Os
                            : job_.optLevel == 'z' ? OptimizationLevel::Oz
                                                   : OptimizationLevel::O2;
  mpm.addPass(level == OptimizationLevel::O0 ? pb.buildO0DefaultPipeline(level)
                                             : pb.buildPerModuleDefaultPipeline(level));
}

bool ImageLinker::emit(TargetMachine &tm, const std::string &path, CodeGenFileType type) {
  std::error_code ec;
  ToolOutputFile out(path, ec, sys::fs::OF_None);
  if (ec) {
    error(path + ": " + ec.message());
    return false;
  }
  legacy::PassManager pm;
  if (tm.addPassesToEmitFile(pm, out.os(), nullptr, type)) {
    error("the " + job_.target.name + " backend cannot emit this file type");
    return false;
  }
  pm.run(*image_);
  if (failed_)
    return false;
  out.keep();
  return true;
}

// Code generation can still call what no bitcode defined (a compiler-rt
// helper, a libm function for an x86 instruction it lacks). A host image must
// not leave those to whatever libc the loading process has.
int checkImageUndefined(const LinkJob &job) {
  auto binary = object::createBinary(job.output);
  if (!binary) {
    error(job.output + ": " + toString(binary.takeError()));
    return 1;
  }
  auto *elf = dyn_cast<object::ELFObjectFileBase>(binary->getBinary());
  if (!elf)
    return 0;
  bool missing = false;
  for (const object::ELFSymbolRef &sym : elf->getDynamicSymbolIterators()) {
    auto flags = sym.getFlags();
    auto name = sym.getName();
    if (!flags || !name) {
      consumeError(flags.takeError());
      consumeError(name.takeError());
      continue;
    }
    if ((*flags & object::SymbolRef::SF_Undefined) && !name->empty() &&
        !providedByRuntime(job.target, *name)) {
      error("undefined reference to '" + name->str() + "' (called by generated code)");
      missing = true;
    }
  }
  if (missing)
    sys::fs::remove(job.output);
  return missing ? 1 : 0;
}

int runTool(const LinkJob &job, const Command &cmd) {
  if (job.verbose)
    std::cerr << cmd.quoted() << "\n";
  return cmd.run();
}

struct TempFile {
  explicit TempFile(const std::string &suffix) {
    SmallString<128> p;
    if (!sys::fs::createTemporaryFile("gpu-c++", suffix, p))
      path = p.str().str();
  }
  ~TempFile() {
    if (!path.empty())
      sys::fs::remove(path);
  }
  std::string path;
};

int ImageLinker::finish() {
  normalizeMain(*image_);
  for (Function &fn : image_->functions()) {
    if (fn.isDeclaration())
      continue;
    // Libraries are built for a whole target family; the image's arch decides.
    fn.removeFnAttr("target-features");
    fn.addFnAttr("target-cpu", job_.target.arch);
    // Host VMs' stacks lie side by side: a frame larger than the guard page
    // under each must touch it page by page, not land in the next VM's stack.
    // Past the VM count that guard pages allow, confined images rely on
    // LLVM's split-stack prologue (the runtime's limit, the light kernel's
    // __morestack: runtime/backend/host/HostBackend.cpp), which LLVM cannot
    // give a variadic function (checked at its entry instead, by
    // confineAfterOptimization).
    if (job_.target.kind == TargetKind::Host) {
      fn.addFnAttr("probe-stack", "inline-asm");
      if (job_.confine && !fn.isVarArg() && !fn.hasFnAttribute(Attribute::Naked) &&
          fn.getName() != gpuvm::GPUVM_CONFINE_STACK)
        fn.addFnAttr("split-stack");
    }
  }
  if (job_.target.kind == TargetKind::Amdgcn)
    image_->addModuleFlag(Module::Error, "amdhsa_code_object_version",
                          job_.codeObjectVersion * 100);
  // Becomes .maxnreg in the PTX, so ptxas and the driver's JIT both obey it.
  if (Function *entry = image_->getFunction(GPUVM_KERNEL_ENTRY);
      entry && job_.target.kind == TargetKind::Nvptx && job_.maxRegisters)
    entry->addFnAttr("nvvm.maxnreg", std::to_string(job_.maxRegisters));
  defineLinkerSymbols(*image_);
  if (!checkUndefined() || !checkKernelUses())
    return 1;
  optimize(tm_);
  if (failed_ || !checkUndefined())
    return 1;
  gpuvm::emitConstantBounds(*image_);
  gpuvm::confineAfterOptimization(*image_);
  if (job_.target.kind == TargetKind::Host)
    finishHostCode(tm_);
  if (job_.target.kind == TargetKind::Nvptx)
    alignVariableLengthArrays(*image_);
  // What backends look up by name must be visible in the object (AMDGPU
  // makes everything hidden by default), and protected, so that code reaches
  // it directly rather than through a preemptible symbol.
  for (const std::string &name : exportedSymbols())
    if (GlobalValue *gv = image_->getNamedValue(name); gv && !gv->isDeclaration())
      gv->setVisibility(GlobalValue::ProtectedVisibility);

  std::string err;
  if (job_.target.kind == TargetKind::Nvptx) {
    auto ptxas = tc_.ptxas();
    auto nvlink = tc_.cudaTool("nvlink");
    unsigned functions = 0;
    for (const Function &fn : image_->functions())
      functions += !fn.isDeclaration();
    if (unsigned parts = nvptxPartCount(functions); ptxas && nvlink && parts > 1)
      return emitNvptxParts(*image_, tc_, job_, *ptxas, *nvlink, parts,
                            [this] { return targetMachine(job_); });
    TempFile ptx(".ptx");
    const std::string &ptxPath = ptxas ? ptx.path : job_.output;
    if (!emit(tm_, ptxPath, CodeGenFileType::AssemblyFile))
      return 1;
    if (!ptxas)
      return 0; // the image is PTX text; the CUDA driver compiles it at load
    Command cmd{{*ptxas, "-arch=" + job_.target.arch}};
    for (std::string &flag : ptxasExtraFlags())
      cmd.argv.push_back(std::move(flag));
    cmd.argv.insert(cmd.argv.end(), {"-o", job_.output, ptxPath});
    return runTool(job_, cmd);
  }
  auto lld = tc_.llvmTool("ld.lld", err);
  if (!lld) {
    error(err);
    return 1;
  }
  TempFile object(".o");
  if (!emit(tm_, object.path, CodeGenFileType::ObjectFile))
    return 1;
  Command link{{*lld, "-shared", "--no-undefined-version", "-z", "noexecstack", "-o", job_.output,
                object.path}};
  if (job_.target.kind == TargetKind::Amdgcn)
    link.argv.insert(link.argv.begin() + 1, "--no-undefined");
  if (int rc = runTool(job_, link))
    return rc;
  return job_.target.kind == TargetKind::Host ? checkImageUndefined(job_) : 0;
}

} // namespace

// The runtime's archives, in link order. C++ programs need libc++ and
// libc++abi, which need libc; a C program pulls nothing from them. libm
// (LLVM libc's math, on the host and NVPTX) is always linked, as -lm is part
// of libc_gpu: libc's own math functions call it. Targets these are not built
// for go without.
static std::vector<std::string> runtimeArchives(const Toolchain &tc, const Target &target) {
  std::string libDir = tc.libDir(target);
  std::vector<std::string> archives;
  for (const char *cxx : {"/libc++.a", "/libc++abi.a"})
    if (sys::fs::exists(libDir + cxx))
      archives.push_back(libDir + cxx);
  archives.push_back(libDir + "/libc.a");
  if (sys::fs::exists(libDir + "/libm.a"))
    archives.push_back(libDir + "/libm.a");
  return archives;
}

// What -v and -### print for a link: the in-process steps, then (for -###,
// which runs nothing) the tools.
void describeLink(const Toolchain &tc, const LinkJob &job) {
  std::string inputs;
  for (const std::string &o : job.objects)
    inputs += " " + o;
  for (const std::string &a : job.archives)
    inputs += " " + a;
  if (job.withRuntimeLibraries) {
    std::string names = "crt.o";
    for (const std::string &archive : runtimeArchives(tc, job.target))
      names += "," + sys::path::filename(archive).str();
    inputs += " " + tc.libDir(job.target) + "/{" + names + "}";
  }
  std::cerr << " (in-process) link bitcode" << inputs << "; privatize globals; optimize -O"
            << job.optLevel << "; " << job.target.arch << " code generation\n";
  if (!job.dryRun)
    return;
  std::string err;
  if (job.target.kind == TargetKind::Nvptx) {
    auto ptxas = tc.ptxas();
    if (auto nvlink = tc.cudaTool("nvlink"); ptxas && nvlink) {
      std::cerr << " (in-process) split into parts; for each part not in the cache:\n"
                << Command{{*ptxas, "-c", "-arch=" + job.target.arch, "-o", "<part>.o",
                            "<part>.ptx"}}
                       .quoted()
                << "\n"
                << Command{{*nvlink, "-arch=" + job.target.arch, "-o", job.output, "<part>.o..."}}
                       .quoted()
                << "\n";
    } else if (ptxas) {
      std::cerr
          << Command{{*ptxas, "-arch=" + job.target.arch, "-o", job.output, "<image>.ptx"}}.quoted()
          << "\n";
    }
    return;
  }
  if (auto lld = tc.llvmTool("ld.lld", err))
    std::cerr << Command{{*lld, "-shared", "-o", job.output, "<image>.o"}}.quoted() << "\n";
}

int linkImage(const Toolchain &tc, const LinkJob &job) {
  if (job.dryRun || job.verbose)
    describeLink(tc, job);
  if (job.dryRun)
    return 0;
  InitializeAllTargets();
  InitializeAllTargetMCs();
  InitializeAllAsmPrinters();
  InitializeAllAsmParsers(); // inline asm is assembled in process

  std::unique_ptr<TargetMachine> tm = targetMachine(job);
  if (!tm)
    return 1;
  ImageLinker linker(tc, job, *tm);
  for (const std::string &object : job.objects)
    if (!linker.addObject(object))
      return 1;
  std::vector<std::pair<std::string, bool>> archives; // path, gpuvm's own
  for (const std::string &archive : job.archives)
    archives.emplace_back(archive, false);
  if (job.withRuntimeLibraries) {
    // The light kernel (crt.o) is the root: its boot calls libc, which calls main.
    std::string libDir = tc.libDir(job.target);
    if (!linker.addObject(libDir + "/crt.o", /*kernel=*/true))
      return 1;
    for (const std::string &archive : runtimeArchives(tc, job.target))
      archives.emplace_back(archive, true);
  }
  if (job.target.kind == TargetKind::Host && job.withRuntimeLibraries)
    linker.require(hostLibcalls());
  // Archives may need each other; go round until nothing more is pulled in.
  for (bool pulled = true; pulled;) {
    pulled = false;
    linker.rerouteMathIntrinsics();
    for (const auto &[archive, library] : archives)
      if (!linker.addArchive(archive, library, pulled))
        return 1;
  }

  if (linker.hasUndefinedCalls()) {
    if (job.target.kind == TargetKind::Amdgcn) {
      auto dir = tc.rocmBitcodeDir();
      if (!dir) {
        error("ROCm Device Libs were not found (install Debian's rocm-device-libs): AMDGPU "
              "math is unavailable");
      } else {
        std::string isa = job.target.arch.substr(3);
        bool wave64 =
            job.target.arch.rfind("gfx10", 0) != 0 && job.target.arch.rfind("gfx11", 0) != 0;
        for (std::string lib :
             {"ocml.bc", "ockl.bc", "oclc_finite_only_off.bc", "oclc_unsafe_math_off.bc",
              "oclc_daz_opt_off.bc", "oclc_correctly_rounded_sqrt_on.bc",
              wave64 ? "oclc_wavefrontsize64_on.bc" : "oclc_wavefrontsize64_off.bc",
              "oclc_abi_version_500.bc"}) {
          if (!linker.addLibrary(*dir + "/" + lib))
            return 1;
        }
        std::string isaLib = *dir + "/oclc_isa_version_" + isa + ".bc";
        if (sys::fs::exists(isaLib) && !linker.addLibrary(isaLib))
          return 1;
      }
    }
  }
  return linker.finish();
}

} // namespace gpuvm::driver
