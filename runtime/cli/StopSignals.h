// SIGINT, SIGTERM and SIGHUP during a run: one thread waits for them, so the
// handler may do what a signal handler may not (flush the console, write the
// status file). Construct it before any thread of the run starts: the
// signals are blocked in the constructing thread and in every thread it
// starts after.
#pragma once

#include <atomic>
#include <functional>
#include <thread>

namespace gpuvm::runtime {

class StopSignals {
public:
  explicit StopSignals(std::function<void(int signal)> onStop);
  ~StopSignals();
  StopSignals(const StopSignals &) = delete;
  StopSignals &operator=(const StopSignals &) = delete;

  // The run has ended: a signal from now on is no longer the handler's.
  void disarm();

private:
  std::function<void(int)> onStop_;
  std::atomic<bool> armed_{true};
  std::thread waiter_;
};

} // namespace gpuvm::runtime
