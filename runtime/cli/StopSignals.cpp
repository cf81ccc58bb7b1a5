#include "StopSignals.h"

#include <csignal>
#include <pthread.h>

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

void StopSignals::block() {
  sigset_t set = stopSet();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

StopSignals::StopSignals(std::function<void(int)> onStop) : onStop_(std::move(onStop)) {
  block();
  sigset_t set = stopSet();
  waiter_ = std::thread([this, set] {
    for (;;) {
      int signal = 0;
      if (sigwait(&set, &signal) != 0)
        continue;
      if (!armed_.load(std::memory_order_acquire))
        return; // disarm()'s own wake-up, or a signal after the run
      onStop_(signal);
    }
  });
}

void StopSignals::disarm() {
  if (!waiter_.joinable())
    return;
  armed_.store(false, std::memory_order_release);
  // Wakes the waiter at once: the signal is blocked everywhere, so it stays
  // pending for that thread's sigwait.
  pthread_kill(waiter_.native_handle(), SIGHUP);
  waiter_.join();
}

StopSignals::~StopSignals() {
  disarm();
  // A signal that came after the run ended keeps its usual meaning.
  sigset_t set = stopSet();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

} // namespace gpuvm::runtime
