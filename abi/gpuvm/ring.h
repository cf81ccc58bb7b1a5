/* The packet ring's two ends (layout in net.h), the one piece of code both
 * the device and the host run: VMs, the device's router and the host bridge
 * all push and take packets the same way. C11/C++ with GCC/Clang atomics. */
#ifndef GPUVM_ABI_RING_H
#define GPUVM_ABI_RING_H

#include <gpuvm/net.h>

#include <stddef.h>
#include <stdint.h>

/* One piece of a packet being pushed (struct iovec's layout). */
struct gpuvm_ring_part {
  const void *base;
  size_t length;
};

static inline void gpuvm_ring_init(struct gpuvm_ring *ring, uint64_t total_bytes) {
  uint64_t size = 1;
  while (size * 2 <= total_bytes - sizeof(struct gpuvm_ring))
    size *= 2;
  ring->reserved = 0;
  ring->consumed = 0;
  ring->drops = 0;
  ring->size = size;
  ring->exited = 0;
  uint8_t *data = gpuvm_ring_data(ring);
  /* No stale tag can equal a future position + 1, but a fresh mapping may
   * hold anything: zero the first header so a reader never trusts it. */
  for (uint64_t i = 0; i < sizeof(struct gpuvm_ring_record); ++i)
    data[i] = 0;
}

static inline void gpuvm_ring_copy(uint8_t *dst, const uint8_t *src, size_t n) {
  for (size_t i = 0; i < n; ++i)
    dst[i] = src[i];
}

/* Both pushes, once room [at, at + pad + record) is theirs: the padding
 * record (when pad != 0), then the packet, each published by its tag. */
static inline int gpuvm_ring_publish(struct gpuvm_ring *ring, uint64_t at, uint64_t pad,
                                     const struct gpuvm_ring_part *parts, int part_count,
                                     uint32_t length) {
  const uint64_t size = ring->size;
  uint8_t *data = gpuvm_ring_data(ring);
  if (pad) {
    struct gpuvm_ring_record *filler = (struct gpuvm_ring_record *)(data + (at & (size - 1)));
    filler->length = (uint32_t)(pad - sizeof(struct gpuvm_ring_record));
    filler->flags = GPUVM_RING_PAD;
    __atomic_store_n(&filler->tag, at + 1, __ATOMIC_RELEASE);
    at += pad;
  }
  struct gpuvm_ring_record *record = (struct gpuvm_ring_record *)(data + (at & (size - 1)));
  uint8_t *out = (uint8_t *)(record + 1);
  for (int i = 0; i < part_count; ++i) {
    gpuvm_ring_copy(out, (const uint8_t *)parts[i].base, parts[i].length);
    out += parts[i].length;
  }
  record->length = length;
  record->flags = 0;
  __atomic_store_n(&record->tag, at + 1, __ATOMIC_RELEASE);
  return 1;
}

/* Pushes one packet (the concatenation of parts, `length` bytes). Returns 1,
 * or 0 when the ring has no room (the drop is counted). */
static inline int gpuvm_ring_push(struct gpuvm_ring *ring, const struct gpuvm_ring_part *parts,
                                  int part_count, uint32_t length) {
  const uint64_t size = ring->size;
  const uint64_t need = gpuvm_ring_record_bytes(length);
  uint64_t at, pad;
  uint64_t reserved = __atomic_load_n(&ring->reserved, __ATOMIC_RELAXED);
  for (;;) {
    at = reserved;
    uint64_t offset = at & (size - 1);
    pad = offset + need > size ? size - offset : 0;
    uint64_t consumed = __atomic_load_n(&ring->consumed, __ATOMIC_ACQUIRE);
    if (need > size || at + pad + need - consumed > size) {
      __atomic_fetch_add(&ring->drops, 1, __ATOMIC_RELAXED);
      return 0;
    }
    if (__atomic_compare_exchange_n(&ring->reserved, &reserved, at + pad + need, 0,
                                    __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
      break;
  }
  return gpuvm_ring_publish(ring, at, pad, parts, part_count, length);
}

/* gpuvm_ring_push for a ring with one producer: no compare-and-swap, so it
 * suits rings in host memory that a GPU writes across the bus. */
static inline int gpuvm_ring_push_single(struct gpuvm_ring *ring,
                                         const struct gpuvm_ring_part *parts, int part_count,
                                         uint32_t length) {
  const uint64_t size = ring->size;
  const uint64_t need = gpuvm_ring_record_bytes(length);
  uint64_t at = ring->reserved;
  uint64_t offset = at & (size - 1);
  uint64_t pad = offset + need > size ? size - offset : 0;
  if (need > size || at + pad + need - __atomic_load_n(&ring->consumed, __ATOMIC_ACQUIRE) > size) {
    ++ring->drops;
    return 0;
  }
  ring->reserved = at + pad + need;
  return gpuvm_ring_publish(ring, at, pad, parts, part_count, length);
}

/* The consumer's next packet, or NULL when none is published yet. The bytes
 * stay valid until gpuvm_ring_pop. Padding records are skipped here. */
static inline const uint8_t *gpuvm_ring_peek(struct gpuvm_ring *ring, uint32_t *length) {
  uint8_t *data = gpuvm_ring_data(ring);
  for (;;) {
    uint64_t at = ring->consumed;
    struct gpuvm_ring_record *record = (struct gpuvm_ring_record *)(data + (at & (ring->size - 1)));
    /* Relaxed, then a fence only when a record is there: on a GPU an
     * acquiring load invalidates the whole L1 (every VM of the SM loses its
     * cached data), and an idle VM polls its ring all the time. */
    if (__atomic_load_n(&record->tag, __ATOMIC_RELAXED) != at + 1)
      return 0;
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    if (record->flags & GPUVM_RING_PAD) {
      __atomic_store_n(&ring->consumed, at + gpuvm_ring_record_bytes(record->length),
                       __ATOMIC_RELEASE);
      continue;
    }
    *length = record->length;
    return (const uint8_t *)(record + 1);
  }
}

/* Releases the packet gpuvm_ring_peek returned. */
static inline void gpuvm_ring_pop(struct gpuvm_ring *ring) {
  uint8_t *data = gpuvm_ring_data(ring);
  uint64_t at = ring->consumed;
  struct gpuvm_ring_record *record = (struct gpuvm_ring_record *)(data + (at & (ring->size - 1)));
  __atomic_store_n(&ring->consumed, at + gpuvm_ring_record_bytes(record->length), __ATOMIC_RELEASE);
}

/* VM k's inbound ring: the top rx_ring_bytes of its slice. */
static inline struct gpuvm_ring *gpuvm_vm_ring(uint64_t slices, uint64_t slice_size,
                                               uint64_t rx_ring_bytes, uint32_t vm) {
  return (struct gpuvm_ring *)(uintptr_t)(slices + (uint64_t)vm * slice_size + slice_size -
                                          rx_ring_bytes);
}

#endif
