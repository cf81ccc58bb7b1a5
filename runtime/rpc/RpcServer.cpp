#include "RpcServer.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>

namespace gpuvm::runtime {

namespace {
int64_t nowNs(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}
} // namespace

RpcServer::RpcServer(Console &console, FileService &files, uint32_t vmCount)
    : console_(console), files_(files), outcomes_(vmCount) {}

int RpcServer::bytesOf(uint32_t vm, gpuvm_mailbox &box, std::span<uint8_t> &data,
                       uint64_t &bulkAt) {
  data = {box.payload, GPUVM_MAILBOX_PAYLOAD};
  bulkAt = 0;
  const uint64_t address = uint64_t(box.arg[2]);
  if ((box.op != GPUVM_RPC_READ && box.op != GPUVM_RPC_WRITE) || address == 0)
    return 0;
  const int64_t size = box.arg[1];
  if (!memory_ || size < 0 || uint64_t(size) > memory_->bulkMax())
    return EINVAL;
  if (!memory_->owns(vm, address, uint64_t(size)))
    return EFAULT;
  uint8_t *view = memory_->view(address, size_t(size), box.op == GPUVM_RPC_WRITE);
  if (!view)
    return EFAULT;
  data = {view, size_t(size)};
  bulkAt = address;
  return 0;
}

bool RpcServer::serve(uint32_t vm, gpuvm_mailbox &box) {
  calls_.fetch_add(1, std::memory_order_relaxed);
  box.error = 0;
  std::span<uint8_t> data;
  uint64_t bulkAt = 0;
  if (int error = bytesOf(vm, box, data, bulkAt)) {
    box.error = error;
    box.result = -1;
  } else if (FileService::handles(box.op, box.arg[0])) {
    files_.serve(vm, box, data);
    // A bulk read's bytes go back to the VM before the reply.
    if (box.op == GPUVM_RPC_READ && bulkAt && box.result > 0 &&
        !memory_->store(bulkAt, data.data(), std::min(size_t(box.result), data.size()))) {
      box.error = EFAULT;
      box.result = -1;
    }
  } else {
    switch (box.op) {
    case GPUVM_RPC_WRITE: {
      int64_t size = box.arg[1];
      if (size < 0 || uint64_t(size) > data.size()) {
        box.error = EINVAL;
        box.result = -1;
        break;
      }
      box.error = console_.write(vm, int(box.arg[0]), reinterpret_cast<const char *>(data.data()),
                                 size_t(size));
      box.result = box.error ? -1 : size;
      break;
    }
    case GPUVM_RPC_CLOCK:
      box.result = nowNs(CLOCK_REALTIME);
      box.arg[0] = nowNs(CLOCK_MONOTONIC);
      break;
    case GPUVM_RPC_EXIT: {
      std::lock_guard<std::mutex> lock(mutex_);
      VmOutcome &out = outcomes_[vm];
      if (!out.exited) {
        out = {true, int(box.arg[0]), int(box.arg[1]), box.limits};
        // The reason is the VM's own text: bounded by the payload, one line.
        size_t len = size_t(std::clamp<int64_t>(box.arg[2], 0, GPUVM_MAILBOX_PAYLOAD));
        const char *text = reinterpret_cast<const char *>(box.payload);
        std::string reason(text, strnlen(text, len));
        for (char &c : reason)
          if (c < ' ' || c == 0x7f)
            c = '?';
        if (out.kind == GPUVM_EXIT_CRASH && !reason.empty())
          console_.note("vm " + std::to_string(vm) + " crashed: " + reason);
        exited_.fetch_add(1, std::memory_order_acq_rel);
      }
      return false; // no reply: the VM is gone
    }
    default:
      box.error = ENOSYS;
      box.result = -1;
      break;
    }
  }
  __atomic_store_n(&box.state, uint32_t(GPUVM_MAILBOX_REPLY), __ATOMIC_RELEASE);
  return true;
}

void RpcServer::recordCrash(uint32_t vm, int signal) {
  std::lock_guard<std::mutex> lock(mutex_);
  VmOutcome &out = outcomes_[vm];
  if (!out.exited) {
    out = {true, 128 + signal, GPUVM_EXIT_CRASH};
    exited_.fetch_add(1, std::memory_order_acq_rel);
  }
}

void RpcServer::setMailboxes(gpuvm_mailbox *mailboxes) {
  std::lock_guard<std::mutex> lock(mutex_);
  mailboxes_ = mailboxes;
}

std::string RpcServer::requestStop(uint32_t vm) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (vm >= outcomes_.size())
    return "gpuvm: no vm " + std::to_string(vm) + ": this run has vm 0 to " +
           std::to_string(outcomes_.size() - 1) + "\n";
  if (outcomes_[vm].exited)
    return "gpuvm: vm " + std::to_string(vm) + " has already ended\n";
  if (!mailboxes_)
    return "gpuvm: vm " + std::to_string(vm) + " is not running\n";
  __atomic_store_n(&mailboxes_[vm].stop, int64_t(1), __ATOMIC_RELEASE);
  return "vm " + std::to_string(vm) + ": asked to stop\n";
}

} // namespace gpuvm::runtime
