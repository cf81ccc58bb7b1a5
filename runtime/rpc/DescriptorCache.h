// Host descriptors for the VMs' files, roots and logs, at most a fixed
// number open at once. 100,000 VMs with a few open files each would need
// far more descriptors than a process may hold (20,000 on the GPU machine),
// so a VM's open file is a record the host can reopen (its path and flags,
// its offset kept here), and its descriptor lives in this cache: the least
// recently used is closed when room is needed, and reopened on the next use.
// A descriptor in use (between get() and the Lease's end) is never closed
// under its user.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>

namespace gpuvm::runtime {

class DescriptorCache {
public:
  // What owns a cached descriptor. Its address must not change while it
  // holds one (release() before moving or destroying it).
  struct Slot {
    int fd = -1;
    bool pinned = false; // never closed by the cache (see pin())
    Slot *prev = nullptr, *next = nullptr;
    uint32_t users = 0;
  };

  // A descriptor held for one use.
  class Lease {
  public:
    Lease() = default;
    Lease(DescriptorCache *cache, Slot *slot) : cache_(cache), slot_(slot) {}
    Lease(Lease &&other) noexcept : cache_(other.cache_), slot_(other.slot_) {
      other.slot_ = nullptr;
    }
    Lease &operator=(Lease &&) = delete;
    ~Lease();
    int fd() const { return slot_ ? slot_->fd : -1; }
    explicit operator bool() const { return slot_ != nullptr; }

  private:
    DescriptorCache *cache_ = nullptr;
    Slot *slot_ = nullptr;
  };

  // capacity: descriptors open at once, pinned ones included.
  explicit DescriptorCache(size_t capacity);
  ~DescriptorCache();

  // Half of the process's descriptor limit: the rest is for everything else
  // gpuvm opens.
  static size_t defaultCapacity();

  // The slot's descriptor, opened with `open` (which returns a descriptor or
  // -1 with errno set) when the slot has none. When the cache is full the
  // least recently used unpinned, unused descriptor is closed first. An
  // empty Lease with errno set when `open` fails, or when every descriptor
  // is pinned or in use (EMFILE).
  Lease get(Slot &slot, const std::function<int()> &open);

  // Keeps the slot's descriptor open until release(), whatever the cache
  // needs: for a file that cannot be reopened by a name (a FIFO, a directory
  // removed while open, an unlinked file that could not be given a hidden
  // name: UnlinkedFiles.h). Opens it with `open` first if needed. Returns
  // false with errno set when it cannot.
  bool pin(Slot &slot, const std::function<int()> &open);

  // Closes the slot's descriptor, if any.
  void release(Slot &slot);

  size_t capacity() const { return capacity_; }
  size_t openCount() const;

private:
  void unlinkLocked(Slot &slot);
  void pushFrontLocked(Slot &slot);
  bool makeRoomLocked();
  void endUse(Slot &slot);

  size_t capacity_;
  size_t open_ = 0;
  Slot head_; // sentinel: head_.next is the most recently used
  mutable std::mutex mutex_;
};

} // namespace gpuvm::runtime
