// SIGINT, SIGTERM and SIGHUP during a run: one thread waits for them, so the
// handler may do what a signal handler may not (flush the console, write the
// status file). The signals must be blocked in every thread of the run but
// the waiter: call block() before the run starts any thread (the console's,
// the control socket's); one that comes before the waiter stays pending for
// it.
#pragma once

#include <atomic>
#include <functional>
#include <thread>

namespace gpuvm::runtime {

class StopSignals {
public:
  // Blocks the stop signals in the calling thread and every thread it
  // starts from now on.
  static void block();

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
