/* Doorbells: how the host finds the VMs that posted a request in their
 * mailbox (gpuvm/mailbox.h) without sweeping every mailbox. The VMs are
 * split into queues, one per host thread serving them. A VM that posts
 * takes a ticket from its queue's counter and writes its id, tagged with the
 * ticket, into the queue's slot for that ticket; the host thread takes the
 * slots in ticket order. A VM has at most one request outstanding and the
 * host takes a slot before it replies, so a queue with a slot for each of
 * its VMs is never overrun. Shared by host and device; C11/C++ with
 * GCC/Clang atomics, as ring.h. */
#ifndef GPUVM_ABI_DOORBELL_H
#define GPUVM_ABI_DOORBELL_H

#include <stdint.h>

struct gpuvm_doorbells {
  uint64_t tickets;       /* queue_count uint32_t counters, memory the VMs share atomically */
  uint64_t slots;         /* queue_count * capacity uint64_t slots, memory the host reads */
  uint32_t queue_count;   /* 0: no doorbells (the host backend serves a call as it is made) */
  uint32_t capacity;      /* slots per queue, a power of two >= vms_per_queue */
  uint32_t vms_per_queue; /* VM v rings queue v / vms_per_queue */
  uint32_t reserved;
};

/* A slot's word for `ticket`: tagged with ticket + 1, so that a zeroed slot
 * never passes for ticket 0 and a slot of the last lap never for this one. */
static inline uint64_t gpuvm_doorbell_word(uint32_t ticket, uint32_t vm) {
  return ((uint64_t)(ticket + 1u) << 32) | vm;
}

/* The VM's side, once its request is in its mailbox. */
static inline void gpuvm_doorbell_ring(const struct gpuvm_doorbells *bells, uint32_t vm) {
  uint32_t queue = vm / bells->vms_per_queue;
  uint32_t *counter = (uint32_t *)(uintptr_t)bells->tickets + queue;
  uint32_t ticket = __atomic_fetch_add(counter, 1u, __ATOMIC_RELAXED);
  uint64_t *slot = (uint64_t *)(uintptr_t)bells->slots + (uint64_t)queue * bells->capacity +
                   (ticket & (bells->capacity - 1u));
  __atomic_store_n(slot, gpuvm_doorbell_word(ticket, vm), __ATOMIC_RELEASE);
}

/* The host's side: the VM that took ticket `head` of the queue whose slots
 * start at `queue_slots`, or -1 while it has not written its slot (none has
 * taken the ticket yet, or it is between the ticket and the slot). */
static inline int64_t gpuvm_doorbell_take(const uint64_t *queue_slots, uint32_t capacity,
                                          uint32_t head) {
  uint64_t word = __atomic_load_n(&queue_slots[head & (capacity - 1u)], __ATOMIC_ACQUIRE);
  return (uint32_t)(word >> 32) == head + 1u ? (int64_t)(uint32_t)word : -1;
}

#endif
