#include "NvptxParts.h"

#include "BuildCache.h"
#include "Command.h"

#include <llvm/Bitcode/BitcodeReader.h>
#include <llvm/Bitcode/BitcodeWriter.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/IR/DiagnosticInfo.h>
#include <llvm/IR/DiagnosticPrinter.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/InlineAsm.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Support/xxhash.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Transforms/Utils/Cloning.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <thread>

using namespace llvm;

namespace gpuvm::driver {

namespace {

// PTX identifiers are [A-Za-z_$][A-Za-z0-9_$]*; LLVM's local names (".str",
// "buffer.12") are not, and once a part names another part's definition
// they must be.
std::string ptxIdentifier(StringRef name) {
  std::string out;
  for (char c : name)
    out += isAlnum(c) || c == '_' || c == '$' ? c : '_';
  if (out.empty() || isDigit(out[0]))
    out.insert(0, "_");
  if (out == "_" || out == "$")
    out += "_";
  return out;
}

// PTX's system calls and the names ptxas reserves with them: a part that
// names one of these without defining it gets the system call, not
// libc_gpu's, and ptxas refuses to take its address.
bool ptxSystemCall(StringRef name) {
  return name == "malloc" || name == "free" || name == "vprintf" || name == "vfprintf" ||
         name == "__assertfail" || name.starts_with("cudaGetParameterBuffer") ||
         name.starts_with("cudaLaunchDevice");
}

// Every part may name any definition, so none stays local to the image.
void externalize(Module &image) {
  for (GlobalValue &gv : image.global_values()) {
    if (gv.isDeclaration() || (!gv.hasLocalLinkage() && !ptxSystemCall(gv.getName())))
      continue;
    std::string base = ptxIdentifier(gv.hasName() ? gv.getName() : "__gpuvm_unnamed");
    if (ptxSystemCall(base))
      base += "$gpuvm";
    std::string name = base;
    for (unsigned i = 1;; ++i) {
      GlobalValue *holder = image.getNamedValue(name);
      if (!holder || holder == &gv)
        break;
      name = base + "$" + std::to_string(i);
    }
    gv.setName(name);
    gv.setLinkage(GlobalValue::ExternalLinkage);
    gv.setVisibility(GlobalValue::HiddenVisibility);
  }
}

// ptxas -c (CUDA 13.0) breaks direct calls into another module: a function
// with no stack frame keeps its return address across such a call in R32/R33
// (or R40/R41), registers the callee may clobber under the same ptxas's ABI,
// so it returns to address 0 (on the GPU: "Warp Invalid PC" in a printf
// wrapper). For an indirect call ptxas saves the return address on the
// stack, so every call into another part goes through the callee's address,
// which an empty inline asm hides from code generation.
void callOtherPartsIndirectly(Module &part) {
  std::vector<CallBase *> calls;
  for (Function &function : part)
    for (BasicBlock &block : function)
      for (Instruction &instruction : block)
        if (auto *call = dyn_cast<CallBase>(&instruction))
          if (Function *callee = call->getCalledFunction(); callee && callee->isDeclaration() &&
                                                            !callee->isIntrinsic() &&
                                                            !ptxSystemCall(callee->getName()))
            calls.push_back(call);
  if (calls.empty())
    return;
  LLVMContext &context = part.getContext();
  Type *address = Type::getInt64Ty(context);
  InlineAsm *opaque = InlineAsm::get(FunctionType::get(address, {address}, false),
                                     "mov.b64 $0, $1;", "=l,l", /*hasSideEffects=*/false);
  for (CallBase *call : calls) {
    IRBuilder<> builder(call);
    Value *hidden =
        builder.CreateCall(opaque, {builder.CreatePtrToInt(call->getCalledOperand(), address)});
    call->setCalledOperand(builder.CreateIntToPtr(hidden, call->getCalledOperand()->getType()));
  }
}

unsigned partOf(const GlobalValue *gv, unsigned parts) {
  if (const auto *alias = dyn_cast<GlobalAlias>(gv))
    gv = alias->getAliaseeObject();
  if (gv->hasAppendingLinkage())
    return 0;
  return unsigned(xxh3_64bits(gv->getName()) % parts);
}

// The part's definitions and declarations of only what they use: a
// declaration of anything else would tie its content to the whole program.
std::unique_ptr<Module> cutPart(const Module &image, unsigned index, unsigned parts) {
  ValueToValueMapTy map;
  std::unique_ptr<Module> part =
      CloneModule(image, map, [&](const GlobalValue *gv) { return partOf(gv, parts) == index; });
  std::vector<GlobalValue *> unused;
  for (GlobalValue &gv : part->global_values())
    if (gv.isDeclaration() && gv.use_empty())
      unused.push_back(&gv);
  for (GlobalValue *gv : unused)
    gv->eraseFromParent();
  callOtherPartsIndirectly(*part);
  part->setModuleIdentifier("part");
  part->setSourceFileName("");
  return part;
}

// The ptxas that made a cached object is part of its key.
std::string toolIdentity(const std::string &path) {
  sys::fs::file_status status;
  if (sys::fs::status(path, status))
    return path;
  return path + ":" + std::to_string(status.getSize()) + ":" +
         std::to_string(status.getLastModificationTime().time_since_epoch().count());
}

struct TempPath {
  explicit TempPath(const char *suffix) {
    SmallString<128> p;
    if (!sys::fs::createTemporaryFile("gpu-c++-part", suffix, p))
      path = p.str().str();
  }
  ~TempPath() {
    if (!path.empty())
      sys::fs::remove(path);
  }
  std::string path;
};

struct Part {
  SmallVector<char, 0> bitcode;
  std::string key;
  std::string object; // the relocatable cubin's bytes
};

class PartCompiler {
public:
  PartCompiler(const LinkJob &job, const std::string &ptxas,
               const std::function<std::unique_ptr<TargetMachine>()> &makeTargetMachine)
      : job_(job), ptxas_(ptxas), makeTargetMachine_(makeTargetMachine) {}

  // Code generation and ptxas for one part, in its own context.
  bool compile(Part &part, unsigned index) {
    LLVMContext context;
    bool failed = false;
    context.setDiagnosticHandlerCallBack(
        [](const DiagnosticInfo *di, void *failedFlag) {
          if (di->getSeverity() != DS_Error)
            return;
          std::string text;
          raw_string_ostream os(text);
          DiagnosticPrinterRawOStream printer(os);
          di->print(printer);
          *static_cast<bool *>(failedFlag) = true;
          say("gpu-c++: error: " + text + "\n");
        },
        &failed);
    auto module = parseBitcodeFile(
        MemoryBufferRef(StringRef(part.bitcode.data(), part.bitcode.size()), "part"), context);
    if (!module) {
      say("gpu-c++: error: part " + std::to_string(index) + ": " + toString(module.takeError()) +
          "\n");
      return false;
    }
    std::unique_ptr<TargetMachine> tm = makeTargetMachine_();
    if (!tm)
      return false;
    TempPath ptx("ptx"), object("o");
    {
      std::error_code ec;
      raw_fd_ostream out(ptx.path, ec);
      legacy::PassManager pm;
      if (ec || tm->addPassesToEmitFile(pm, out, nullptr, CodeGenFileType::AssemblyFile)) {
        say("gpu-c++: error: cannot write " + ptx.path + "\n");
        return false;
      }
      pm.run(**module);
    }
    if (failed)
      return false;
    Command cmd{{ptxas_, "-c", "-arch=" + job_.target.arch}};
    if (job_.maxRegisters)
      cmd.argv.push_back("--maxrregcount=" + std::to_string(job_.maxRegisters));
    for (std::string &flag : ptxasExtraFlags())
      cmd.argv.push_back(std::move(flag));
    cmd.argv.insert(cmd.argv.end(), {"-o", object.path, ptx.path});
    if (job_.verbose)
      say(cmd.quoted() + "\n");
    if (int rc = cmd.run()) {
      say("gpu-c++: error: ptxas failed (exit " + std::to_string(rc) + ") on part " +
          std::to_string(index) + "\n");
      return false;
    }
    auto bytes = MemoryBuffer::getFile(object.path, /*IsText=*/false);
    if (!bytes) {
      say("gpu-c++: error: " + object.path + ": " + bytes.getError().message() + "\n");
      return false;
    }
    part.object = (*bytes)->getBuffer().str();
    return true;
  }

private:
  static void say(const std::string &text) {
    static std::mutex lock;
    std::lock_guard<std::mutex> hold(lock);
    std::cerr << text;
  }

  const LinkJob &job_;
  const std::string &ptxas_;
  const std::function<std::unique_ptr<TargetMachine>()> &makeTargetMachine_;
};

unsigned jobCount() {
  if (const char *text = std::getenv("GPUVM_JOBS"))
    if (unsigned n = unsigned(std::strtoul(text, nullptr, 10)))
      return n;
  return std::max(1u, std::thread::hardware_concurrency());
}

} // namespace

unsigned nvptxPartCount(unsigned functions) {
  if (const char *text = std::getenv("GPUVM_NVPTX_PARTS"))
    if (unsigned n = unsigned(std::strtoul(text, nullptr, 10)))
      return n;
  return std::clamp(functions / 16, 1u, 32u);
}

std::vector<std::string> ptxasExtraFlags() {
  std::vector<std::string> flags;
  if (const char *text = std::getenv("GPUVM_PTXAS_FLAGS")) {
    SmallVector<StringRef, 4> words;
    StringRef(text).split(words, ' ', -1, /*KeepEmpty=*/false);
    for (StringRef word : words)
      flags.push_back(word.str());
  }
  return flags;
}

int emitNvptxParts(Module &image, const Toolchain &, const LinkJob &job, const std::string &ptxas,
                   const std::string &nvlink, unsigned count,
                   const std::function<std::unique_ptr<TargetMachine>()> &makeTargetMachine) {
  externalize(image);
  std::vector<Part> parts(count);
  std::string ptxasIdentity = toolIdentity(ptxas);
  for (const std::string &flag : ptxasExtraFlags())
    ptxasIdentity += " " + flag;
  std::optional<BuildCache> cache = BuildCache::open();
  std::vector<unsigned> missing;
  for (unsigned i = 0; i < count; ++i) {
    std::unique_ptr<Module> module = cutPart(image, i, count);
    raw_svector_ostream os(parts[i].bitcode);
    WriteBitcodeToFile(*module, os);
    parts[i].key = BuildCache::key({"nvptx-part-2", LLVM_VERSION_STRING, job.target.arch,
                                    StringRef(&job.optLevel, 1), std::to_string(job.maxRegisters),
                                    ptxasIdentity,
                                    StringRef(parts[i].bitcode.data(), parts[i].bitcode.size())});
    if (std::optional<std::string> hit = cache ? cache->lookup(parts[i].key) : std::nullopt)
      parts[i].object = std::move(*hit);
    else
      missing.push_back(i);
  }
  if (job.verbose)
    std::cerr << " (in-process) " << count << " parts, " << count - missing.size()
              << " from the cache" << (cache ? " in " + cache->directory() : std::string()) << "\n";

  PartCompiler compiler(job, ptxas, makeTargetMachine);
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    for (size_t n; (n = next++) < missing.size() && !failed;) {
      unsigned index = missing[n];
      if (!compiler.compile(parts[index], index))
        failed = true;
      else if (cache)
        cache->store(parts[index].key, parts[index].object);
    }
  };
  std::vector<std::thread> workers;
  for (unsigned i = 1; i < std::min<size_t>(jobCount(), missing.size()); ++i)
    workers.emplace_back(work);
  work();
  for (std::thread &worker : workers)
    worker.join();
  if (failed)
    return 1;

  std::vector<TempPath> objects;
  objects.reserve(count);
  // Indirect calls (virtual functions) leave the stack size unknown; the
  // runtime reserves --stack-size for every VM instead.
  Command link{
      {nvlink, "-arch=" + job.target.arch, "--suppress-stack-size-warning", "-o", job.output}};
  for (const Part &part : parts) {
    objects.emplace_back("o");
    std::error_code ec;
    raw_fd_ostream out(objects.back().path, ec);
    out << part.object;
    out.close();
    if (ec || out.has_error()) {
      out.clear_error();
      std::cerr << "gpu-c++: error: cannot write " << objects.back().path << "\n";
      return 1;
    }
    link.argv.push_back(objects.back().path);
  }
  if (job.verbose)
    std::cerr << link.quoted() << "\n";
  return link.run();
}

} // namespace gpuvm::driver
