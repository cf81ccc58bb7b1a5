#include "Command.h"

#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>
#include <iostream>

extern char **environ;

namespace gpuvm::driver {

std::string Command::quoted() const {
  std::string line;
  for (const std::string &arg : argv) {
    line += line.empty() ? " \"" : " \"";
    for (char c : arg) {
      if (c == '"' || c == '\\' || c == '$')
        line += '\\';
      line += c;
    }
    line += '"';
  }
  return line;
}

int Command::run() const {
  std::vector<char *> args;
  for (const std::string &arg : argv)
    args.push_back(const_cast<char *>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawn(&pid, args[0], nullptr, nullptr, args.data(), environ);
  if (rc != 0) {
    std::cerr << "gpu-c++: error: cannot run " << argv[0] << ": " << std::strerror(rc) << "\n";
    return 127;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status))
    return WEXITSTATUS(status);
  std::cerr << "gpu-c++: error: " << argv[0] << " was killed by signal " << WTERMSIG(status)
            << "\n";
  return 128 + WTERMSIG(status);
}

} // namespace gpuvm::driver
