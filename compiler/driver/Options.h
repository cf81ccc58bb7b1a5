// The command line of gpu-c++: clang/cc compatible where users expect it.
#pragma once

#include "Target.h"

#include <optional>
#include <string>
#include <vector>

namespace gpuvm::driver {

enum class Mode { Link, Compile, Assemble, Preprocess };

enum class InputKind { C, Cxx, Object, Archive };

struct Input {
  std::string path;
  InputKind kind;
};

struct Options {
  Mode mode = Mode::Link;
  std::string target;
  std::string arch;
  std::string output;
  std::vector<Input> inputs;
  std::vector<std::string> compileFlags; // for clang, in command-line order
  // Those of compileFlags that gpu-c++ itself does not know.
  std::vector<std::string> clangOnly;
  std::vector<std::string> libDirs;
  std::vector<std::string> libs;
  std::optional<char> optLevel; // '0'..'3', 's', 'z'
  int codeObjectVersion = 5;
  // NVPTX: registers per thread the VM entry may use. Every VM must stay
  // resident (DESIGN.md decision 4): 100k VMs on 132 SMs need <= ~80.
  unsigned maxRegisters = 80;
  std::optional<unsigned> maxInlineSize; // the target's default when absent
  bool emitLlvm = false;
  bool noStdLib = false;
  bool confine = true;
  bool nvptxTransforms = false; // -fgpuvm-nvptx-transforms
  bool backtrace = false;       // -fgpuvm-backtrace
  bool verbose = false;
  bool dryRun = false; // -###
  bool help = false;
  bool version = false;
};

// Fills `out` from argv. On a bad command line returns the one-line message.
std::string parseOptions(int argc, const char *const *argv, Options &out);

// The text of --help.
std::string helpText();

// --max-inline-size, or the target's default: 10000 on nvptx, none elsewhere.
unsigned maxInlineSize(const Options &opts, TargetKind kind);

} // namespace gpuvm::driver
