// An external program the driver runs, printed for -v and -###.
#pragma once

#include <string>
#include <vector>

namespace gpuvm::driver {

// After a line of the program's stderr that contains `trigger`, the driver
// adds `note`: what the message means for a gpuvm VM.
struct StderrNote {
  std::string trigger;
  std::string note;
};

struct Command {
  std::vector<std::string> argv;
  // When not empty, stderr passes through the driver, which adds the notes.
  std::vector<StderrNote> stderrNotes = {};

  std::string quoted() const;
  // Runs it and returns its exit status (127 when it cannot start).
  int run() const;
};

} // namespace gpuvm::driver
