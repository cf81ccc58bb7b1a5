// A VM's own memory as the host reaches it for a bulk call: a
// GPUVM_RPC_READ or GPUVM_RPC_WRITE naming a buffer in the VM's slice
// instead of the mailbox's payload (gpuvm_launch.bulk_max). Each backend
// that allows them says how the bytes move: on the host backend the view is
// the VM's bytes themselves; on a GPU it is a staging buffer of the serving
// thread, filled from the VM or copied to it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gpuvm::runtime {

class VmMemory {
public:
  // `slices`: VM 0's slice as the VMs address it; the others follow.
  VmMemory(uint64_t slices, uint64_t sliceSize, uint64_t bulkMax)
      : slices_(slices), sliceSize_(sliceSize), bulkMax_(bulkMax) {}
  virtual ~VmMemory() = default;

  uint64_t bulkMax() const { return bulkMax_; }

  // Whether [address, address + size) lies in VM `vm`'s own slice: a VM
  // names no other memory in a bulk call.
  bool owns(uint32_t vm, uint64_t address, uint64_t size) const {
    const uint64_t start = slices_ + uint64_t(vm) * sliceSize_;
    return address >= start && address - start <= sliceSize_ &&
           size <= sliceSize_ - (address - start);
  }

  // A host buffer standing for [address, address + size) of a VM's memory
  // (checked with owns() first), holding the VM's bytes when `load`; null
  // when they could not be copied.
  virtual uint8_t *view(uint64_t address, size_t size, bool load) = 0;
  // Puts the first `size` bytes of a view back at `address`; false when the
  // copy failed.
  virtual bool store(uint64_t address, const uint8_t *view, size_t size) = 0;

private:
  uint64_t slices_, sliceSize_, bulkMax_;
};

} // namespace gpuvm::runtime
