// `gpuvm run --control PATH` listens on a unix socket; `gpuvm stat` connects,
// sends "stat\n" and prints what comes back: the network's counters of the
// running launch. One short exchange per connection.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace gpuvm::runtime::net {

// Where `--control` without a path listens, and where `gpuvm stat` without
// one looks: /run/gpuvm/<pid>.sock.
constexpr const char *kControlDirectory = "/run/gpuvm";
std::string defaultControlPath();

class ControlServer {
public:
  using Answer = std::function<std::string(const std::string &request)>;

  ControlServer() = default;
  ControlServer(const ControlServer &) = delete;
  ControlServer &operator=(const ControlServer &) = delete;
  ~ControlServer(); // stops, removes the socket

  // Binds PATH (its directory is created if missing; a stale socket there is
  // replaced, a live one is not) and starts answering. Empty, or why not.
  std::string open(const std::string &path, Answer answer);

private:
  void run();

  int fd_ = -1;
  std::string path_;
  Answer answer_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

// Sends `request` to the run listening at `path` (empty: the only live one in
// kControlDirectory). Returns empty and fills `reply`, or why not.
std::string controlRequest(const std::string &path, const std::string &request, std::string &reply);

} // namespace gpuvm::runtime::net
