#include "Compile.h"

#include <unistd.h>

namespace gpuvm::driver {

Command compileCommand(const Toolchain &tc, const std::string &clang, const Target &target,
                       const Options &opts, const Input &input, CompileOutput kind,
                       const std::string &output) {
  Command cmd;
  std::vector<std::string> &a = cmd.argv;
  a = {clang, "--target=" + target.triple};
  switch (target.kind) {
  case TargetKind::Amdgcn:
    a.insert(a.end(), {"-mcpu=" + target.arch, "-nogpulib",
                       "-mcode-object-version=" + std::to_string(opts.codeObjectVersion),
                       "-fpass-plugin=" + tc.passPlugin()});
    break;
  case TargetKind::Nvptx:
    // Thread-locals are per-VM globals; clang alone refuses them on NVPTX.
    // Clang takes the PTX version from the CUDA it finds, and without one
    // falls back to 4.2, which no arch we build for accepts: ask for 7.8,
    // the version the link asks for (a CUDA found adds its own, the higher).
    a.insert(a.end(), {"-march=" + target.arch, "-fplugin=" + tc.clangPlugin(), "-Xclang",
                       "-target-feature", "-Xclang", "+ptx78"});
    break;
  case TargetKind::Host:
    // Host images are shared objects that many VMs share: position independent.
    a.insert(a.end(), {"-march=" + target.arch, "-fPIC"});
    break;
  }
  // Our libc's headers replace the system's; clang's own (stddef.h, stdint.h,
  // stdarg.h, ...) stay. C++ sees libc++ first, whose <stdlib.h> and friends
  // wrap ours through #include_next. Exceptions are off everywhere (a throw
  // cannot unwind on a GPU); statics need no locks in a single-threaded VM.
  a.push_back("-nostdlibinc");
  if (input.kind == InputKind::Cxx)
    a.insert(a.end(), {"-isystem", tc.includeDir() + "/c++/v1"});
  a.insert(a.end(), {"-isystem", tc.includeDir() + "/libc", "-isystem", tc.includeDir(),
                     "-D__gpuvm__=1", "-fno-exceptions", "-fno-threadsafe-statics"});
  // LLVM takes the allocation functions to leave errno alone (its issue
  // 63142), so at -O1 and up a program reads the errno from before a failed
  // malloc instead of ENOMEM. Not knowing them as built-ins keeps errno
  // right, at the price of unused allocations no longer being removed.
  for (const char *allocator :
       {"malloc", "calloc", "realloc", "aligned_alloc", "strdup", "strndup"})
    a.push_back(std::string("-fno-builtin-") + allocator);
  // stderr passes through the driver (below); keep clang's colours for a terminal.
  if (input.kind == InputKind::Cxx && isatty(STDERR_FILENO))
    a.push_back("-fcolor-diagnostics");
  char level = opts.optLevel.value_or('0');
  a.push_back(std::string("-O") + level);
  // Optimization happens again on the whole program at link time, so keep -O0
  // functions optimizable there.
  if (level == '0' && kind == CompileOutput::Bitcode)
    a.insert(a.end(), {"-Xclang", "-disable-O0-optnone"});
  // The cap holds for each unit's own inlining too: a unit's largest
  // functions reach the link already grown.
  if (unsigned cap = maxInlineSize(opts, target.kind)) {
    if (target.kind != TargetKind::Amdgcn)
      a.push_back("-fpass-plugin=" + tc.passPlugin());
    a.insert(a.end(), {"-mllvm", "-gpuvm-max-inline-size=" + std::to_string(cap)});
  }
  a.insert(a.end(), opts.compileFlags.begin(), opts.compileFlags.end());

  switch (kind) {
  case CompileOutput::Bitcode:
    a.insert(a.end(), {"-c", "-emit-llvm"});
    break;
  case CompileOutput::Assembly:
    a.push_back("-S");
    break;
  case CompileOutput::LlvmIr:
    a.insert(a.end(), {"-S", "-emit-llvm"});
    break;
  case CompileOutput::Preprocessed:
    a.push_back("-E");
    break;
  }
  if (!output.empty())
    a.insert(a.end(), {"-o", output});
  a.insert(a.end(), {"-x", input.kind == InputKind::C ? "c" : "c++", input.path});

  // Clang's words for a throw say only that exceptions are disabled; say why
  // they cannot be enabled here, and what happens instead.
  if (input.kind == InputKind::Cxx) {
    std::string why = target.kind == TargetKind::Host
                          ? "they are off on every gpuvm target, so that a program behaves on "
                            "the host as it does on a GPU, where a thread cannot unwind its stack"
                          : "a GPU thread cannot unwind its stack";
    cmd.stderrNotes = {{"with exceptions disabled",
                        "gpu-c++: note: C++ exceptions (throw, try) are not supported on gpuvm's " +
                            target.name + " target: " + why +
                            ". Return the error instead. Where libc++ itself would throw, the VM "
                            "ends alone and prints what would have been thrown."}};
  }
  return cmd;
}

} // namespace gpuvm::driver
