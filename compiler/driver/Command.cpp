#include "Command.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

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

namespace {

// Copies the child's stderr to ours, then adds the notes whose trigger it
// printed, each once, after the program's own last words.
void relayStderr(int from, const std::vector<StderrNote> &notes) {
  std::string text;
  std::vector<bool> triggered(notes.size());
  char buffer[4096];
  for (;;) {
    ssize_t n = read(from, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    std::cerr.write(buffer, n);
    // Only the unfinished line is kept, so that a trigger split across two
    // reads is still found.
    text.append(buffer, n);
    for (size_t i = 0; i < notes.size(); ++i)
      triggered[i] = triggered[i] || text.find(notes[i].trigger) != std::string::npos;
    if (size_t end = text.rfind('\n'); end != std::string::npos)
      text.erase(0, end + 1);
  }
  for (size_t i = 0; i < notes.size(); ++i)
    if (triggered[i])
      std::cerr << notes[i].note << "\n";
  std::cerr.flush();
}

} // namespace

int Command::run() const {
  std::vector<char *> args;
  for (const std::string &arg : argv)
    args.push_back(const_cast<char *>(arg.c_str()));
  args.push_back(nullptr);
  int pipeEnds[2] = {-1, -1};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!stderrNotes.empty()) {
    if (pipe2(pipeEnds, O_CLOEXEC) != 0) {
      std::cerr << "gpu-c++: error: cannot make a pipe: " << std::strerror(errno) << "\n";
      return 127;
    }
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], STDERR_FILENO);
  }
  pid_t pid;
  int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (pipeEnds[1] >= 0)
    close(pipeEnds[1]);
  if (rc != 0) {
    if (pipeEnds[0] >= 0)
      close(pipeEnds[0]);
    std::cerr << "gpu-c++: error: cannot run " << argv[0] << ": " << std::strerror(rc) << "\n";
    return 127;
  }
  if (pipeEnds[0] >= 0) {
    relayStderr(pipeEnds[0], stderrNotes);
    close(pipeEnds[0]);
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
