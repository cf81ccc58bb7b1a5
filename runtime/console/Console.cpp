#include "Console.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gpuvm::runtime {

namespace {
constexpr size_t kBatchBytes = 1 << 16;
constexpr auto kBatchDelay = std::chrono::milliseconds(50);
// A line held for a VM until its newline is at most this long; a longer one
// is cut into lines this long, so that a VM that never ends its line holds
// bounded host memory and its output still comes out whole and in order.
constexpr size_t kLongestLine = 1 << 16;

void writeAll(int fd, const std::string &text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 && errno == EAGAIN) {
      // A non-blocking terminal or pipe (set so by whoever shares it): wait.
      pollfd ready{fd, POLLOUT, 0};
      ::poll(&ready, 1, -1);
      continue;
    }
    if (n <= 0)
      return; // the terminal or pipe is gone; VMs keep running
    done += size_t(n);
  }
}
} // namespace

Console::Console(const ConsoleOptions &options, uint32_t vmCount, DescriptorCache &descriptors,
                 std::function<void(const std::string &)> hostLimit)
    : options_(options), descriptors_(descriptors), hostLimit_(std::move(hostLimit)) {
  for (int i = 0; i < 2; ++i) {
    pending_[i].resize(vmCount);
    if (options_.mode == ConsoleOptions::Mode::LogDir) {
      logSlots_[i].resize(vmCount);
      logCreated_[i].assign(vmCount, 0);
    }
  }
  flusher_ = std::jthread([this](std::stop_token stop) {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop.stop_requested()) {
      flushed_.wait_for(lock, stop, kBatchDelay, [] { return false; });
      if (!batch_[0].empty()) {
        writeAll(1, batch_[0]);
        batch_[0].clear();
      }
    }
  });
}

Console::~Console() {
  flush();
  // Every VM has its vm-N.out, empty when it printed nothing, so that tools
  // can compare them all. Closed at once: 100,000 of them would pass the
  // descriptor limit.
  for (uint32_t vm = 0; vm < logCreated_[0].size(); ++vm)
    if (!logCreated_[0][vm]) {
      int empty = ::open(logPath(vm, 1).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (empty >= 0)
        ::close(empty);
    }
  for (auto &slots : logSlots_)
    for (DescriptorCache::Slot &slot : slots)
      descriptors_.release(slot);
}

std::string Console::logPath(uint32_t vm, int fd) const {
  return options_.logDir + "/vm-" + std::to_string(vm) + (fd == 1 ? ".out" : ".err");
}

int Console::write(uint32_t vm, int fd, const char *data, size_t size) {
  if (fd != 1 && fd != 2)
    return EBADF;
  if (options_.mode == ConsoleOptions::Mode::LogDir) {
    char &created = logCreated_[fd - 1][vm];
    DescriptorCache::Lease log = descriptors_.get(logSlots_[fd - 1][vm], [&] {
      return ::open(logPath(vm, fd).c_str(),
                    O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (created ? 0 : O_TRUNC), 0644);
    });
    if (!log) {
      int error = errno;
      if (hostLimit_ && !logFailureReported_.exchange(true))
        hostLimit_("cannot write " + logPath(vm, fd) + ": " + std::strerror(error) +
                   (error == EMFILE || error == ENFILE
                        ? " (host descriptors: " + std::to_string(descriptors_.capacity()) +
                              " kept, raise ulimit -n or --host-fds)"
                        : std::string()) +
                   "; that VM's output is lost, and so may others' be");
      return error == EMFILE || error == ENFILE ? error : EIO;
    }
    created = 1;
    writeAll(log.fd(), std::string(data, size));
    return 0;
  }
  std::string &pending = pending_[fd - 1][vm];
  std::string complete;
  auto finishLine = [&] {
    if (options_.mode == ConsoleOptions::Mode::Prefix)
      complete += "[vm " + std::to_string(vm) + "] ";
    complete += pending;
    pending.clear();
  };
  for (const char *at = data, *end = data + size; at < end;) {
    const char *newline = static_cast<const char *>(std::memchr(at, '\n', size_t(end - at)));
    const char *stop = newline ? newline + 1 : end;
    // The line's text, its newline not counted: a line of exactly
    // kLongestLine bytes comes out whole.
    const size_t room = kLongestLine - pending.size();
    if (size_t((newline ? newline : end) - at) > room) {
      pending.append(at, room);
      pending += '\n';
      at += room;
      finishLine();
      if (!longLineReported_.exchange(true))
        note("vm " + std::to_string(vm) + " wrote a line longer than " +
             std::to_string(kLongestLine) + " bytes: such lines are cut, a newline after every " +
             std::to_string(kLongestLine) + " bytes");
      continue;
    }
    pending.append(at, stop);
    at = stop;
    if (newline)
      finishLine();
  }
  if (!complete.empty()) {
    std::lock_guard<std::mutex> lock(mutex_);
    emitLocked(fd, complete);
  }
  return 0;
}

void Console::emitLocked(int fd, const std::string &text) {
  std::string &batch = batch_[fd - 1];
  batch += text;
  if (batch.size() >= kBatchBytes || fd == 2) {
    writeAll(fd, batch);
    batch.clear();
  }
}

void Console::note(const std::string &line) {
  std::lock_guard<std::mutex> lock(mutex_);
  writeAll(1, batch_[0]);
  batch_[0].clear();
  emitLocked(2, "gpuvm: " + line + "\n");
}

void Console::flush() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (int fd = 1; fd <= 2; ++fd) {
    auto &pending = pending_[fd - 1];
    bool tailBefore = false;
    for (size_t vm = 0; vm < pending.size(); ++vm)
      if (!pending[vm].empty()) {
        // Raw: VMs' unfinished lines are kept apart by a newline between
        // them, and the last stays as it was written.
        std::string line = options_.mode == ConsoleOptions::Mode::Prefix
                               ? "[vm " + std::to_string(vm) + "] " + pending[vm] + "\n"
                               : (tailBefore ? "\n" : "") + pending[vm];
        tailBefore = true;
        batch_[fd - 1] += line;
        pending[vm].clear();
      }
    writeAll(fd, batch_[fd - 1]);
    batch_[fd - 1].clear();
  }
}

} // namespace gpuvm::runtime
