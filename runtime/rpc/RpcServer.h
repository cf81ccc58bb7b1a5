// Serves the requests VMs post in their mailboxes: console output, the
// clock, files, exit. Every request is checked; a malformed one fails with an errno
// for that VM alone.
#pragma once

#include "console/Console.h"
#include "gpuvm/mailbox.h"
#include "rpc/FileService.h"
#include "rpc/VmMemory.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace gpuvm::runtime {

struct VmOutcome {
  bool exited = false;
  int status = 0;
  int kind = GPUVM_EXIT_NORMAL; // enum gpuvm_exit_kind
  // What the VM's limits refused or delayed, as its kernel counted them at
  // exit (zero for a VM that never reported one).
  gpuvm_limit_counters limits{};
};

class RpcServer {
public:
  RpcServer(Console &console, FileService &files, uint32_t vmCount);

  // Serves `box` (in state REQUEST) for `vm`; sets REPLY and returns true
  // unless it was EXIT, which has no reply.
  bool serve(uint32_t vm, gpuvm_mailbox &box);

  // The running launch's memory for bulk calls (null: the backend allows
  // none, and a VM that makes one gets EINVAL).
  void setVmMemory(VmMemory *memory) { memory_ = memory; }

  // Records an exit the runtime saw instead of the VM (a caught fault).
  void recordCrash(uint32_t vm, int signal);

  // The running launch's mailboxes, for stop requests (null: none running).
  void setMailboxes(gpuvm_mailbox *mailboxes);
  // gpuvm stop: asks VM `vm` to end (its kernel looks once a millisecond
  // while it waits, or every 32,768 iterations of a confined loop). The
  // answer for the asker.
  std::string requestStop(uint32_t vm);

  const std::vector<VmOutcome> &outcomes() const { return outcomes_; }
  uint32_t exitedCount() const { return exited_.load(std::memory_order_acquire); }
  // Requests served so far, of every kind (gpuvm --verbose reports them).
  uint64_t callCount() const { return calls_.load(std::memory_order_relaxed); }
  Console &console() { return console_; }

private:
  // Where a READ or WRITE's bytes are: the payload, or with arg[2] a view of
  // the VM's own buffer (VmMemory), whose checked address goes to `bulkAt`
  // (0 for the payload): the mailbox is VM-writable memory, so arg[2] is
  // read once. An errno when the request is refused.
  int bytesOf(uint32_t vm, gpuvm_mailbox &box, std::span<uint8_t> &data, uint64_t &bulkAt);

  Console &console_;
  FileService &files_;
  VmMemory *memory_ = nullptr;
  // Guards outcomes_[].exited and mailboxes_ against stop requests, which
  // come from the control socket's thread.
  std::mutex mutex_;
  gpuvm_mailbox *mailboxes_ = nullptr;
  std::vector<VmOutcome> outcomes_;
  std::atomic<uint32_t> exited_{0};
  std::atomic<uint64_t> calls_{0};
};

} // namespace gpuvm::runtime
