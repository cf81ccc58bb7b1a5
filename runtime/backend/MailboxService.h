// The host's side of the GPU backends' mailboxes: the VMs that posted a
// request are found by their doorbells (gpuvm/doorbell.h), one queue per
// serving thread, so that a thread's work grows with the VMs that call, not
// with the VMs that exist. Shared by the cuda and hsa backends.
#pragma once

#include "gpuvm/doorbell.h"
#include "gpuvm/mailbox.h"
#include "rpc/RpcServer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace gpuvm::runtime {

// The host's side of the VMs' mailboxes: serves posted requests and notes
// when the first and the last VM exited, counted from the launch.
class MailboxService {
  using Clock = std::chrono::steady_clock;

public:
  // The doorbells' layout for `queues` queues (at least 1) over `vmCount`
  // VMs; the backend places tickets (uint32_t each) and slots (uint64_t
  // each, zeroed) where the VMs reach them and fills in their addresses.
  static gpuvm_doorbells doorbellLayout(uint32_t vmCount, uint32_t queues) {
    gpuvm_doorbells bells{};
    bells.queue_count = std::max(1u, std::min(queues, std::max(1u, vmCount)));
    bells.vms_per_queue = std::max(1u, (vmCount + bells.queue_count - 1) / bells.queue_count);
    bells.queue_count = (std::max(1u, vmCount) + bells.vms_per_queue - 1) / bells.vms_per_queue;
    bells.capacity = 1;
    while (bells.capacity < bells.vms_per_queue)
      bells.capacity *= 2;
    return bells;
  }
  static size_t ticketBytes(const gpuvm_doorbells &bells) {
    return size_t(bells.queue_count) * sizeof(uint32_t);
  }
  static size_t slotBytes(const gpuvm_doorbells &bells) {
    return size_t(bells.queue_count) * bells.capacity * sizeof(uint64_t);
  }

  // `slots`: the doorbells' slots as the host sees them; `replies` and
  // `repliesStop`: the reply relay's (gpuvm/doorbell.h), or null without one.
  MailboxService(void *boxes, uint32_t vmCount, RpcServer &server, const gpuvm_doorbells &bells,
                 const uint64_t *slots, uint64_t *replies = nullptr,
                 uint32_t *repliesStop = nullptr)
      : boxes_(static_cast<gpuvm_mailbox *>(boxes)), vmCount_(vmCount), server_(server),
        bells_(bells), slots_(slots), replies_(replies), repliesStop_(repliesStop),
        heads_(bells.queue_count, 0), repliesPosted_(bells.queue_count, 0),
        launchedAt_(Clock::now()) {
    server_.setMailboxes(boxes_);
  }
  ~MailboxService() { server_.setMailboxes(nullptr); }
  MailboxService(const MailboxService &) = delete;
  MailboxService &operator=(const MailboxService &) = delete;

  uint32_t queueCount() const { return bells_.queue_count; }

  // Serves the requests rung on `queue` so far, in the order they were
  // rung, posting each reply to the relay where there is one; returns how
  // many. One thread per queue (RpcServer serves different VMs
  // concurrently). A slot naming a VM outside the queue, or one whose
  // mailbox holds no request, is passed over. Once every VM has exited, the
  // relay is told to stop.
  uint32_t serveQueue(uint32_t queue) {
    const std::vector<VmOutcome> &outcomes = server_.outcomes();
    const uint32_t exitedBefore = server_.exitedCount();
    const uint64_t *slots = slots_ + uint64_t(queue) * bells_.capacity;
    const uint32_t first = queue * bells_.vms_per_queue;
    const uint32_t end = std::min(vmCount_, first + bells_.vms_per_queue);
    uint32_t &head = heads_[queue];
    uint32_t served = 0;
    for (int64_t vm; (vm = gpuvm_doorbell_take(slots, bells_.capacity, head)) >= 0; ++head) {
      if (vm < first || vm >= end || outcomes[vm].exited ||
          __atomic_load_n(&boxes_[vm].state, __ATOMIC_ACQUIRE) != GPUVM_MAILBOX_REQUEST)
        continue;
      if (server_.serve(uint32_t(vm), boxes_[vm]) && replies_)
        gpuvm_reply_post(replies_ + uint64_t(queue) * bells_.capacity, bells_.capacity,
                         repliesPosted_[queue]++, uint32_t(vm));
      ++served;
    }
    if (repliesStop_ && allExited())
      __atomic_store_n(repliesStop_, 1u, __ATOMIC_RELEASE);
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
  gpuvm_doorbells bells_;
  const uint64_t *slots_;
  uint64_t *replies_;
  uint32_t *repliesStop_;
  std::vector<uint32_t> heads_;         // the next ticket of each queue
  std::vector<uint32_t> repliesPosted_; // of each queue
  Clock::time_point launchedAt_;
  mutable std::mutex exitTimesMutex_;
  std::optional<Clock::time_point> firstExit_, lastExit_;
};

} // namespace gpuvm::runtime
