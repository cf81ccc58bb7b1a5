// Console output of many VMs: whole lines, each prefixed with its VM, or one
// log file per VM. Output is batched: thousands of VMs printing a line each
// cost a few large writes, not one write per line; a batch waits at most
// kBatchDelay, so that a server's log line shows while it runs. Log files hold no
// descriptor each: they are opened for appending through a DescriptorCache
// as VMs write, so 100,000 VMs' logs fit any descriptor limit.
#pragma once

#include "rpc/DescriptorCache.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gpuvm::runtime {

struct ConsoleOptions {
  enum class Mode { Prefix, Raw, LogDir } mode = Mode::Prefix;
  std::string logDir; // Mode::LogDir: <dir>/vm-<id>.out and .err
};

class Console {
public:
  // `descriptors` holds the log files' descriptors (Mode::LogDir);
  // `hostLimit` is told, once, when a log file could not be opened.
  Console(const ConsoleOptions &options, uint32_t vmCount, DescriptorCache &descriptors,
          std::function<void(const std::string &)> hostLimit);
  ~Console();

  // Called with the bytes a VM wrote to fd 1 or 2. Safe to call from several
  // threads for different VMs; one VM's calls are never concurrent.
  // Returns 0 or an errno value.
  int write(uint32_t vm, int fd, const char *data, size_t size);

  // Also emits the unterminated last line of every VM.
  void flush();

  // Runtime messages (crashes, summaries) go through here so they interleave
  // cleanly with VM output.
  void note(const std::string &line);

private:
  void emitLocked(int fd, const std::string &text);
  std::string logPath(uint32_t vm, int fd) const;

  ConsoleOptions options_;
  DescriptorCache &descriptors_;
  std::function<void(const std::string &)> hostLimit_;
  std::atomic<bool> logFailureReported_{false}, longLineReported_{false};
  std::vector<std::string> pending_[2]; // per VM: the unfinished line
  std::vector<DescriptorCache::Slot> logSlots_[2];
  std::vector<char> logCreated_[2]; // truncated at its first write, appended to after
  std::mutex mutex_;
  std::string batch_[2];
  // Writes what the batch holds every kBatchDelay; last, so it stops first.
  std::condition_variable_any flushed_;
  std::jthread flusher_;
};

} // namespace gpuvm::runtime
