/* The doorbells (abi/gpuvm/doorbell.h) under contention: threads play VMs
 * that ring, each waiting for its reply before ringing again, while one
 * thread per queue takes the slots in ticket order and posts the replies,
 * and one relay thread per queue counts them for the VMs (cuda's way back).
 * Every ring is taken exactly once, by its own queue, and every reply
 * counted once for its VM, with the queue's capacity just its VMs; tickets
 * wrap past 2^32 without a stale slot passing for a fresh one. */
#include <gpuvm/doorbell.h>

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#define QUEUES 2
#define VMS_PER_QUEUE 3 /* capacity 4: one slot more than VMs */
#define VMS (QUEUES * VMS_PER_QUEUE)
#define RINGS_EACH 5000

static struct gpuvm_doorbells bells;
static uint32_t tickets[QUEUES];
static uint64_t *slots, *reply_slots;
static atomic_uint replies[VMS]; /* replies the relay counted for each VM */
static atomic_uint taken[VMS];   /* rings of each VM the host took */
static atomic_uint wrong_queue;  /* a VM taken from another queue's slots */
static atomic_int vms_done;
static int failures;

static void fail(const char *what) {
  printf("FAIL: %s\n", what);
  ++failures;
}

static void *vm_main(void *arg) {
  uint32_t vm = (uint32_t)(uintptr_t)arg;
  for (uint32_t ring = 1; ring <= RINGS_EACH; ++ring) {
    gpuvm_doorbell_ring(&bells, vm);
    while (atomic_load_explicit(&replies[vm], memory_order_acquire) != ring)
      sched_yield(); /* more threads than this machine's cores */
  }
  atomic_fetch_add(&vms_done, 1);
  return NULL;
}

static void *queue_main(void *arg) {
  uint32_t queue = (uint32_t)(uintptr_t)arg, head = 0, posted = 0;
  const uint64_t *mine = slots + (uint64_t)queue * bells.capacity;
  uint64_t *my_replies = reply_slots + (uint64_t)queue * bells.capacity;
  while (atomic_load(&vms_done) < VMS) {
    int64_t vm;
    while ((vm = gpuvm_doorbell_take(mine, bells.capacity, head)) >= 0) {
      ++head;
      if ((uint32_t)vm / VMS_PER_QUEUE != queue) {
        atomic_fetch_add(&wrong_queue, 1);
        continue;
      }
      atomic_fetch_add(&taken[vm], 1);
      gpuvm_reply_post(my_replies, bells.capacity, posted++, (uint32_t)vm);
    }
    sched_yield();
  }
  return NULL;
}

static void *relay_main(void *arg) {
  uint32_t queue = (uint32_t)(uintptr_t)arg, sequence = 0;
  const uint64_t *mine = reply_slots + (uint64_t)queue * bells.capacity;
  while (atomic_load(&vms_done) < VMS) {
    int64_t vm;
    while ((vm = gpuvm_doorbell_take(mine, bells.capacity, sequence)) >= 0) {
      ++sequence;
      atomic_fetch_add_explicit(&replies[vm], 1, memory_order_release);
    }
    sched_yield();
  }
  return NULL;
}

int main(void) {
  bells.queue_count = QUEUES;
  bells.vms_per_queue = VMS_PER_QUEUE;
  bells.capacity = 4;
  slots = calloc((size_t)QUEUES * bells.capacity, sizeof *slots);
  reply_slots = calloc((size_t)QUEUES * bells.capacity, sizeof *reply_slots);
  bells.tickets = (uint64_t)(uintptr_t)tickets;
  bells.slots = (uint64_t)(uintptr_t)slots;

  pthread_t hosts[QUEUES], relays[QUEUES], vms[VMS];
  for (uintptr_t q = 0; q < QUEUES; ++q) {
    pthread_create(&hosts[q], NULL, queue_main, (void *)q);
    pthread_create(&relays[q], NULL, relay_main, (void *)q);
  }
  for (uintptr_t vm = 0; vm < VMS; ++vm)
    pthread_create(&vms[vm], NULL, vm_main, (void *)vm);
  for (int vm = 0; vm < VMS; ++vm)
    pthread_join(vms[vm], NULL);
  for (int q = 0; q < QUEUES; ++q) {
    pthread_join(hosts[q], NULL);
    pthread_join(relays[q], NULL);
  }
  for (int vm = 0; vm < VMS; ++vm) {
    if (atomic_load(&taken[vm]) != RINGS_EACH)
      fail("a VM's rings were not each taken once");
    if (atomic_load(&replies[vm]) != RINGS_EACH)
      fail("a VM's replies were not each counted once");
  }
  if (atomic_load(&wrong_queue))
    fail("a queue took another queue's VM");

  /* A slot never passes for another ticket: zeroed for ticket 0, the last
   * lap's word for this lap's ticket, and across the 2^32 wrap. */
  uint64_t slot[4] = {0, 0, 0, 0};
  if (gpuvm_doorbell_take(slot, 4, 0) != -1)
    fail("a zeroed slot passed for ticket 0");
  slot[1] = gpuvm_doorbell_word(1, 5);
  if (gpuvm_doorbell_take(slot, 4, 5) != -1 || gpuvm_doorbell_take(slot, 4, 1) != 5)
    fail("a slot of the last lap passed for this one");
  slot[3] = gpuvm_doorbell_word(UINT32_MAX, 2);
  slot[0] = gpuvm_doorbell_word(0, 1); /* ticket 2^32 wraps to 0 */
  if (gpuvm_doorbell_take(slot, 4, UINT32_MAX) != 2 || gpuvm_doorbell_take(slot, 4, 0) != 1)
    fail("tickets across the wrap");
  /* Tickets that wrap while VMs ring. */
  tickets[0] = UINT32_MAX - 1;
  for (int i = 0; i < 4; ++i)
    gpuvm_doorbell_ring(&bells, 0);
  uint32_t head = UINT32_MAX - 1;
  for (int i = 0; i < 4; ++i, ++head)
    if (gpuvm_doorbell_take(slots, bells.capacity, head) != 0)
      fail("a ring across the wrap was lost");

  printf("%d rings by %d VMs on %d queues: %s\n", RINGS_EACH * VMS, VMS, QUEUES,
         failures ? "FAILED" : "ok");
  free(slots);
  free(reply_slots);
  return failures != 0;
}
