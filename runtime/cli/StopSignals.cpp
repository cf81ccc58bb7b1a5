#include "StopSignals.h"

#include <csignal>
#include <ctime>

namespace gpuvm::runtime {

namespace {

sigset_t stopSet() {
  sigset_t set;
  sigemptyset(&set);
  for (int signal : {SIGINT, SIGTERM, SIGHUP})
    sigaddset(&set, signal);
  return set;
}

} // namespace

StopSignals::StopSignals(std::function<void(int)> onStop) : onStop_(std::move(onStop)) {
  sigset_t set = stopSet();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  waiter_ = std::thread([this, set] {
    // Looks again every 100 ms, so that disarm() needs no signal of its own.
    const timespec period{0, 100'000'000};
    while (armed_.load(std::memory_order_acquire)) {
      int signal = sigtimedwait(&set, nullptr, &period);
      if (signal > 0 && armed_.load(std::memory_order_acquire))
        onStop_(signal);
    }
  });
}

void StopSignals::disarm() {
  armed_.store(false, std::memory_order_release);
  if (waiter_.joinable())
    waiter_.join();
}

StopSignals::~StopSignals() {
  disarm();
  // A signal that came after the run ended keeps its usual meaning.
  sigset_t set = stopSet();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

} // namespace gpuvm::runtime
