// The host's side of the GPU backends' mailbox polling: one sweep serves
// every posted request. Shared by the cuda and hsa backends.
#pragma once

#include "gpuvm/mailbox.h"
#include "rpc/RpcServer.h"

#include <chrono>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>

namespace gpuvm::runtime {

// The host's side of the VMs' mailboxes: serves posted requests and notes
// when the first and the last VM exited, counted from the launch.
class MailboxService {
  using Clock = std::chrono::steady_clock;

public:
  MailboxService(void *boxes, uint32_t vmCount, RpcServer &server)
      : boxes_(static_cast<gpuvm_mailbox *>(boxes)), vmCount_(vmCount), server_(server),
        launchedAt_(Clock::now()) {}

  // Serves every posted request once; returns how many it served. An exited
  // VM's mailbox keeps its EXIT request (it gets no reply), so it is skipped.
  uint32_t sweep() { return sweep(0, vmCount_); }

  // The same for VMs [first, end) alone: several threads may sweep disjoint
  // ranges at once (RpcServer serves different VMs concurrently).
  uint32_t sweep(uint32_t first, uint32_t end) {
    const std::vector<VmOutcome> &outcomes = server_.outcomes();
    const uint32_t exitedBefore = server_.exitedCount();
    uint32_t served = 0;
    for (uint32_t vm = first; vm < end; ++vm) {
      if (__atomic_load_n(&boxes_[vm].state, __ATOMIC_ACQUIRE) != GPUVM_MAILBOX_REQUEST ||
          outcomes[vm].exited)
        continue;
      server_.serve(vm, boxes_[vm]);
      ++served;
    }
    if (server_.exitedCount() != exitedBefore) {
      std::lock_guard<std::mutex> lock(exitTimesMutex_);
      lastExit_ = Clock::now();
      if (!firstExit_)
        firstExit_ = lastExit_;
    }
    return served;
  }

  bool allExited() const { return server_.exitedCount() == vmCount_; }

  // "first VM exited 0.285 ms after launch, last 0.291 ms"; empty before any exit.
  std::string exitTimes() const {
    std::lock_guard<std::mutex> lock(exitTimesMutex_);
    if (!firstExit_)
      return {};
    auto ms = [&](Clock::time_point t) {
      char text[32];
      std::snprintf(text, sizeof text, "%.3f ms",
                    std::chrono::duration<double, std::milli>(t - launchedAt_).count());
      return std::string(text);
    };
    return "first VM exited " + ms(*firstExit_) + " after launch, last " + ms(*lastExit_);
  }

private:
  gpuvm_mailbox *boxes_;
  uint32_t vmCount_;
  RpcServer &server_;
  Clock::time_point launchedAt_;
  mutable std::mutex exitTimesMutex_;
  std::optional<Clock::time_point> firstExit_, lastExit_;
};

} // namespace gpuvm::runtime
