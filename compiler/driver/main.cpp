// gpu-c++: compiles C and C++ for gpuvm VMs and links one image per target.
#include "Compile.h"
#include "Link.h"
#include "Options.h"
#include "Target.h"
#include "Toolchain.h"

#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/ErrorHandling.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/PrettyStackTrace.h>

#include <unistd.h>

#include <iostream>

using namespace gpuvm::driver;

namespace {

constexpr const char *kVersion = "0.1";

// EX_SOFTWARE: gpu-c++ itself failed, whatever the input.
constexpr int kInternalError = 70;

int fail(const std::string &message) {
  std::cerr << "gpu-c++: error: " << message << "\n";
  return 1;
}

std::string replaceExtension(const std::string &path, const std::string &ext) {
  llvm::SmallString<128> name(llvm::sys::path::filename(path));
  llvm::sys::path::replace_extension(name, ext);
  return name.str().str();
}

struct TempObjects {
  ~TempObjects() {
    for (const std::string &path : paths)
      llvm::sys::fs::remove(path);
  }
  std::vector<std::string> paths;
};

bool isSource(const Input &input) {
  return input.kind == InputKind::C || input.kind == InputKind::Cxx;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  Options opts;
  if (std::string err = parseOptions(argc, argv, opts); !err.empty())
    return fail(err + " (see gpu-c++ --help)");
  if (opts.help) {
    std::cout << helpText();
    return 0;
  }
  Toolchain tc(argv[0]);
  std::string err;
  if (opts.version || (opts.verbose && opts.inputs.empty())) {
    std::cout << "gpu-c++ (gpuvm) " << kVersion << "\n";
    auto clang = tc.llvmTool("clang", err);
    std::cout << "clang: " << (clang ? *clang : err) << "\n";
    std::cout << "Targets: host (x86-64), nvptx (sm_80, sm_90), amdgcn (gfx908, gfx90a, gfx1030)\n";
    std::cout << "InstalledDir: " << tc.root() << "/bin\n";
    return 0;
  }
  if (opts.inputs.empty())
    return fail("no input files");

  Target target;
  if (std::string terr = resolveTarget(opts.target, opts.arch, target); !terr.empty())
    return fail(terr);
  if (opts.nvptxTransforms && target.kind == TargetKind::Amdgcn)
    return fail("-fgpuvm-nvptx-transforms is for host images (NVIDIA images always have them)");
  if (!isTested(target)) {
    std::string tested;
    for (const std::string &a : testedArches(target.kind))
      tested += (tested.empty() ? "" : ", ") + a;
    std::cerr << "gpu-c++: warning: " << target.arch << " is not an arch gpuvm is tested on ("
              << target.name << ": " << tested << "); building for it anyway\n";
  }

  for (const Input &input : opts.inputs) {
    if (input.path == "-") {
      if (!isSource(input))
        return fail("-x c or -x c++ is required when the input is standard input ('-')");
      continue;
    }
    if (!llvm::sys::fs::exists(input.path))
      return fail("no such file or directory: '" + input.path + "'");
    if (access(input.path.c_str(), R_OK) != 0 || llvm::sys::fs::is_directory(input.path))
      return fail(
          "cannot read '" + input.path + "'" +
          (llvm::sys::fs::is_directory(input.path) ? ": is a directory" : ": permission denied"));
  }

  bool anySource = false;
  for (const Input &input : opts.inputs)
    anySource |= isSource(input);
  std::string clang;
  if (anySource) {
    auto found = tc.llvmTool("clang", err);
    if (!found)
      return fail(err);
    clang = *found;
  }
  if (opts.verbose)
    std::cerr << "gpu-c++ (gpuvm) " << kVersion << " for " << target.name << " " << target.arch
              << "\n";

  auto run = [&](const Command &cmd) {
    if (opts.verbose || opts.dryRun)
      std::cerr << cmd.quoted() << "\n";
    return opts.dryRun ? 0 : cmd.run();
  };

  if (opts.mode != Mode::Link) {
    size_t sources = 0;
    for (const Input &input : opts.inputs)
      sources += isSource(input);
    if (!opts.output.empty() && sources > 1 && opts.mode != Mode::Preprocess)
      return fail("cannot specify -o when generating multiple output files");
    for (const Input &input : opts.inputs) {
      if (!isSource(input)) {
        std::cerr << "gpu-c++: warning: " << input.path
                  << ": linker input unused when not linking\n";
        continue;
      }
      CompileOutput kind = CompileOutput::Preprocessed;
      std::string output = opts.output;
      if (opts.mode == Mode::Compile) {
        kind = CompileOutput::Bitcode;
        if (output.empty())
          output = replaceExtension(input.path, "o");
      } else if (opts.mode == Mode::Assemble) {
        kind = opts.emitLlvm ? CompileOutput::LlvmIr : CompileOutput::Assembly;
        if (output.empty())
          output = replaceExtension(input.path, opts.emitLlvm ? "ll" : "s");
      }
      if (int rc = run(compileCommand(tc, clang, target, opts, input, kind, output)))
        return rc;
    }
    return 0;
  }

  if (!anySource && !opts.clangOnly.empty())
    std::cerr << "gpu-c++: warning: '" << opts.clangOnly.front()
              << "' is for clang, and nothing here is compiled: ignored\n";

  LinkJob job;
  job.target = target;
  job.output = opts.output.empty() ? "a.out" : opts.output;
  job.optLevel = opts.optLevel.value_or('2');
  job.codeObjectVersion = opts.codeObjectVersion;
  job.maxRegisters = opts.maxRegisters;
  job.maxInlineSize = maxInlineSize(opts, target.kind);
  job.withRuntimeLibraries = !opts.noStdLib;
  job.confine = opts.confine;
  job.nvptxTransforms = opts.nvptxTransforms;
  job.backtrace = opts.backtrace;
  job.verbose = opts.verbose;
  job.dryRun = opts.dryRun;
  TempObjects temps;
  for (const Input &input : opts.inputs) {
    if (isSource(input)) {
      llvm::SmallString<128> tmp;
      if (llvm::sys::fs::createTemporaryFile("gpu-c++", "o", tmp))
        return fail("cannot create a temporary file");
      temps.paths.push_back(tmp.str().str());
      if (int rc = run(compileCommand(tc, clang, target, opts, input, CompileOutput::Bitcode,
                                      temps.paths.back())))
        return rc;
      job.objects.push_back(temps.paths.back());
      job.objectLabels[temps.paths.back()] = input.path;
    } else if (input.kind == InputKind::Archive) {
      job.archives.push_back(input.path);
    } else {
      job.objects.push_back(input.path);
    }
  }
  for (const std::string &lib : opts.libs) {
    std::string found;
    for (const std::string &dir : opts.libDirs)
      if (llvm::sys::fs::exists(dir + "/lib" + lib + ".a")) {
        found = dir + "/lib" + lib + ".a";
        break;
      }
    if (found.empty()) {
      // libm, libpthread and friends are part of libc_gpu.
      if (lib == "m" || lib == "pthread" || lib == "c" || lib == "dl" || lib == "rt")
        continue;
      return fail("library not found for -l" + lib);
    }
    job.archives.push_back(found);
  }
  // The link runs LLVM in this process: a crash there is gpu-c++'s, and says
  // so, with what it was doing, rather than dying silently by a signal.
  llvm::setBugReportMsg("PLEASE report this gpu-c++ crash with the command and its inputs.\n");
  llvm::CrashRecoveryContext::Enable();
  llvm::CrashRecoveryContext recovery;
  recovery.DumpStackAndCleanupOnFailure = true;
  int status = 1;
  std::string doing = "linking " + job.output + " for " + target.name + " " + target.arch;
  if (!recovery.RunSafely([&] {
        llvm::PrettyStackTraceString what(doing.c_str());
        status = linkImage(tc, job);
      })) {
    llvm::sys::fs::remove(job.output);
    return fail("internal error while " + doing +
                ": gpu-c++ crashed (a bug in gpu-c++; the stack above says where). Please "
                "report it with this command and its inputs"),
           kInternalError;
  }
  return status;
}
