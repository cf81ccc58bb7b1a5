#include "DescriptorCache.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace gpuvm::runtime {

DescriptorCache::Lease::~Lease() {
  if (slot_)
    cache_->endUse(*slot_);
}

DescriptorCache::DescriptorCache(size_t capacity) : capacity_(std::max<size_t>(capacity, 1)) {
  head_.prev = head_.next = &head_;
}

DescriptorCache::~DescriptorCache() {
  while (head_.next != &head_)
    release(*head_.next);
}

size_t DescriptorCache::defaultCapacity() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
    return 256;
  rlim_t usable = limit.rlim_cur == RLIM_INFINITY ? rlim_t(1) << 20 : limit.rlim_cur;
  return std::max<size_t>(size_t(usable / 2), 16);
}

void DescriptorCache::unlinkLocked(Slot &slot) {
  if (slot.prev) {
    slot.prev->next = slot.next;
    slot.next->prev = slot.prev;
    slot.prev = slot.next = nullptr;
  }
}

void DescriptorCache::pushFrontLocked(Slot &slot) {
  slot.next = head_.next;
  slot.prev = &head_;
  head_.next->prev = &slot;
  head_.next = &slot;
}

bool DescriptorCache::makeRoomLocked() {
  if (open_ < capacity_)
    return true;
  for (Slot *victim = head_.prev; victim != &head_; victim = victim->prev) {
    if (victim->users)
      continue;
    unlinkLocked(*victim);
    ::close(victim->fd);
    victim->fd = -1;
    --open_;
    return true;
  }
  return false;
}

DescriptorCache::Lease DescriptorCache::get(Slot &slot, const std::function<int()> &open) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (slot.fd >= 0) {
      if (!slot.pinned) {
        unlinkLocked(slot);
        pushFrontLocked(slot);
      }
      ++slot.users;
      return Lease(this, &slot);
    }
    if (!makeRoomLocked()) {
      errno = EMFILE;
      return {};
    }
    ++open_; // the room is taken before the lock is let go
  }
  // Opened without the lock: the threads serving VMs open files at once.
  // Nobody else uses this slot meanwhile (it belongs to one VM, whose calls
  // are never concurrent), and it is in no list the cache evicts from.
  int fd = open();
  int error = errno;
  std::lock_guard<std::mutex> lock(mutex_);
  if (fd < 0) {
    --open_;
    errno = error;
    return {};
  }
  slot.fd = fd;
  if (!slot.pinned)
    pushFrontLocked(slot);
  ++slot.users;
  return Lease(this, &slot);
}

bool DescriptorCache::pin(Slot &slot, const std::function<int()> &open) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (slot.fd < 0) {
    if (!makeRoomLocked()) {
      errno = EMFILE;
      return false;
    }
    int fd = open();
    if (fd < 0)
      return false;
    slot.fd = fd;
    ++open_;
  }
  unlinkLocked(slot);
  slot.pinned = true;
  return true;
}

void DescriptorCache::release(Slot &slot) {
  std::lock_guard<std::mutex> lock(mutex_);
  unlinkLocked(slot);
  if (slot.fd >= 0) {
    ::close(slot.fd);
    slot.fd = -1;
    --open_;
  }
  slot.pinned = false;
}

void DescriptorCache::endUse(Slot &slot) {
  std::lock_guard<std::mutex> lock(mutex_);
  --slot.users;
}

size_t DescriptorCache::openCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return open_;
}

} // namespace gpuvm::runtime
