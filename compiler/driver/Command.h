// An external program the driver runs, printed for -v and -###.
#pragma once

#include <string>
#include <vector>

namespace gpuvm::driver {

struct Command {
  std::vector<std::string> argv;

  std::string quoted() const;
  // Runs it and returns its exit status (127 when it cannot start).
  int run() const;
};

} // namespace gpuvm::driver
