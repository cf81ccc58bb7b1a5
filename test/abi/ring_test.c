/* The packet ring (abi/gpuvm/ring.h) under contention: producer threads push
 * numbered packets of varying sizes into a small ring while one consumer
 * takes them. Every packet either arrives whole and in its producer's order
 * or is counted as a drop; nothing is torn, duplicated or lost silently.
 * Also: a padding record at the end of the data area, a packet larger than
 * the ring, and a stale tag left by an earlier lap. */
#include <gpuvm/ring.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PRODUCERS 4
#define PACKETS_EACH 200000
#define RING_BYTES (sizeof(struct gpuvm_ring) + 4096)

static struct gpuvm_ring *ring;
static atomic_ulong pushed[PRODUCERS];
static atomic_int producers_done;
static int failures;

static void fail(const char *what) {
  printf("FAIL: %s\n", what);
  ++failures;
}

/* Packet: producer id, sequence number, then `length - 8` bytes derived from both. */
static uint32_t length_of(uint32_t producer, uint32_t seq) {
  return 8 + (seq * 7919u + producer * 104729u) % 700u;
}

static void *produce(void *arg) {
  uint32_t producer = (uint32_t)(uintptr_t)arg;
  unsigned char packet[1024];
  for (uint32_t seq = 0; seq < PACKETS_EACH; ++seq) {
    uint32_t length = length_of(producer, seq);
    memcpy(packet, &producer, 4);
    memcpy(packet + 4, &seq, 4);
    for (uint32_t i = 8; i < length; ++i)
      packet[i] = (unsigned char)(seq + i * producer);
    /* Two parts, so that gathering is exercised too. */
    struct gpuvm_ring_part parts[2] = {{packet, 5}, {packet + 5, length - 5}};
    if (gpuvm_ring_push(ring, parts, 2, length))
      atomic_fetch_add(&pushed[producer], 1);
  }
  atomic_fetch_add(&producers_done, 1);
  return NULL;
}

int main(void) {
  ring = aligned_alloc(64, RING_BYTES);
  gpuvm_ring_init(ring, RING_BYTES);
  if (ring->size != 4096)
    fail("ring size is not the power of two that fits");

  pthread_t threads[PRODUCERS];
  for (uintptr_t p = 0; p < PRODUCERS; ++p)
    pthread_create(&threads[p], NULL, produce, (void *)p);
  uint32_t next_seq[PRODUCERS] = {0};
  unsigned long taken[PRODUCERS] = {0};
  for (;;) {
    uint32_t length;
    const uint8_t *packet = gpuvm_ring_peek(ring, &length);
    if (!packet) {
      if (atomic_load(&producers_done) == PRODUCERS && !gpuvm_ring_peek(ring, &length))
        break;
      continue;
    }
    uint32_t producer, seq;
    memcpy(&producer, packet, 4);
    memcpy(&seq, packet + 4, 4);
    if (producer >= PRODUCERS || seq < next_seq[producer] || length != length_of(producer, seq)) {
      fail("a packet out of order, or of the wrong length");
      break;
    }
    for (uint32_t i = 8; i < length; ++i)
      if (packet[i] != (unsigned char)(seq + i * producer)) {
        fail("a torn packet");
        break;
      }
    next_seq[producer] = seq + 1;
    ++taken[producer];
    gpuvm_ring_pop(ring);
  }
  unsigned long total_pushed = 0, total_taken = 0;
  for (int p = 0; p < PRODUCERS; ++p) {
    pthread_join(threads[p], NULL);
    total_pushed += atomic_load(&pushed[p]);
    total_taken += taken[p];
    if (taken[p] != atomic_load(&pushed[p]))
      fail("a producer's pushed count differs from what arrived");
  }
  if (total_pushed + ring->drops != (unsigned long)PRODUCERS * PACKETS_EACH)
    fail("pushes and drops do not add up to what was sent");
  if (ring->drops == 0)
    fail("a 4 KiB ring under four producers never filled: the test proves nothing");
  printf("ring: %lu packets through, %lu dropped for room\n", total_taken,
         (unsigned long)ring->drops);

  /* Larger than the whole ring: refused, counted. */
  unsigned char big[5000] = {0};
  struct gpuvm_ring_part whole = {big, sizeof big};
  uint64_t drops = ring->drops;
  if (gpuvm_ring_push(ring, &whole, 1, sizeof big) || ring->drops != drops + 1)
    fail("a packet larger than the ring was not refused");

  /* A fresh ring whose memory holds an old lap's tag at position 0 + size. */
  gpuvm_ring_init(ring, RING_BYTES);
  uint32_t length;
  struct gpuvm_ring_record *first = (struct gpuvm_ring_record *)gpuvm_ring_data(ring);
  first->tag = 4096 + 1;
  first->length = 10;
  if (gpuvm_ring_peek(ring, &length))
    fail("a stale tag was taken for a packet");

  printf("%s\n", failures ? "FAILED" : "ok");
  return failures != 0;
}
