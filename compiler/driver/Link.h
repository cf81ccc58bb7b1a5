// Links bitcode objects and libraries into one gpuvm image for one target.
#pragma once

#include "Options.h"
#include "Target.h"
#include "Toolchain.h"

#include <map>
#include <string>
#include <vector>

namespace gpuvm::driver {

struct LinkJob {
  Target target;
  std::vector<std::string> objects; // bitcode, linked whole
  // What messages call an object: the source a temporary object came from.
  std::map<std::string, std::string> objectLabels;
  std::vector<std::string> archives; // bitcode archives, members linked when needed
  std::string output;
  char optLevel = '2';
  int codeObjectVersion = 5;
  unsigned maxRegisters = 80; // nvptx; 0: no limit
  unsigned maxInlineSize = 0; // LLVM instructions a function grows to by inlining; 0: no cap
  bool withRuntimeLibraries = true;
  bool confine = true; // software fault isolation (-fno-gpuvm-sfi turns it off)
  // NVIDIA's IR transforms on a host image too (-fgpuvm-nvptx-transforms).
  bool nvptxTransforms = false;
  bool backtrace = false; // -fgpuvm-backtrace
  bool verbose = false;
  bool dryRun = false;
};

// Returns the exit status of the link (0 on success), having printed errors.
int linkImage(const Toolchain &tc, const LinkJob &job);

} // namespace gpuvm::driver
