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
  /* The way back (cuda): a VM waiting for its reply polls a count in device
   * memory, not its mailbox across the bus, where thousands of waiting VMs
   * would crowd out the requests and replies themselves. The host writes
   * each reply's VM, tagged as a doorbell with the queue's reply count,
   * into the queue's reply slots (same layout as slots, memory the GPU
   * reads); the relay, thread q of the launch for queue q, counts them into
   * the VMs' kernel-private blocks. 0: no relay, VMs poll their mailboxes. */
  uint64_t replies;
  uint64_t replies_stop; /* uint32_t the host sets once every VM has exited */
};

/* cuda: the launch's first warp is the reply relay; VM v is thread v +
 * GPUVM_RELAY_THREADS (so that the relay runs first, before VMs that wait
 * for others to finish). At least queue_count. */
#define GPUVM_RELAY_THREADS 32u

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

/* The host's side of a reply: the VM, tagged with the queue's reply count
 * `sequence`, into the slot the relay reads next (release: the mailbox's
 * reply is written before). */
static inline void gpuvm_reply_post(uint64_t *queue_replies, uint32_t capacity, uint32_t sequence,
                                    uint32_t vm) {
  __atomic_store_n(&queue_replies[sequence & (capacity - 1u)], gpuvm_doorbell_word(sequence, vm),
                   __ATOMIC_RELEASE);
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
