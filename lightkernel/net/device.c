/* The stack in a real VM: its interface comes from the launch, its clock is
 * the VM's, its memory the VM's heap, and it runs whenever the VM is in the
 * kernel: every socket call and every wait drains the VM's inbound ring and
 * runs the timers that are due. */
#include "net.h"

#include <gpuvm/ring.h>
#include <lightkernel/arch.h>
#include <lightkernel/confine.h>

#include "../mem/memory.h"
#include "../rpc/control.h"
#include "tcp/tcp.h"

struct net_interface net_if;
static struct gpuvm_net_counters private_counters;
static int initialized;
static int64_t last_yield;

#define NET_SLICE_NS 1000000ll

void net_init(void) {
  if (initialized)
    return;
  initialized = 1;
  const struct gpuvm_launch *l = &__gpuvm_launch;
  uint32_t vm = arch_vm_id();
  net_if.counters = l->net.counters ? (struct gpuvm_net_counters *)(uintptr_t)l->net.counters + vm
                                    : &private_counters;
  net_if.mtu = l->net.mtu ? l->net.mtu : GPUVM_NET_DEFAULT_MTU;
  net_if.up = (l->net.flags & GPUVM_NET_ENABLED) && l->net.rx_ring_bytes;
  gpuvm_address_of(l->net.prefix, GPUVM_NET_FIRST_VM + (uint64_t)vm, net_if.address.bytes);
}

int64_t net_now(void) {
  return arch_clock_ns();
}

void *net_alloc(size_t size) {
  return lk_kalloc(size);
}

void net_free(void *block) {
  lk_kfree(block);
}

size_t net_memory_free(void) {
  return lk_kmemory_free();
}

/* Trusted: the ring's indices, at the top of the slice, are written by the
 * routers of other VMs and by this one alone; the VM's code may not write
 * them, nor may the kernel's checked code. */
LK_TRUSTED static int drain_ring(void) {
  const struct gpuvm_launch *l = &__gpuvm_launch;
  if (!(l->net.flags & GPUVM_NET_ENABLED) || !l->net.rx_ring_bytes)
    return 0;
  struct gpuvm_ring *ring =
      gpuvm_vm_ring(l->slices, l->slice_size, l->net.rx_ring_bytes, arch_vm_id());
  uint32_t length;
  const uint8_t *packet;
  int taken = 0;
  /* A bounded batch, so that a flood cannot keep the VM from its program. */
  while (taken < 256 && (packet = gpuvm_ring_peek(ring, &length))) {
    ip6_input(packet, length);
    gpuvm_ring_pop(ring);
    ++taken;
  }
  return taken;
}

int net_poll(void) {
  net_init();
  int taken = drain_ring(); /* it asks the launch, not net_if.up, which the VM can overwrite */
  int64_t now = net_now();
  /* A program that makes socket calls in a tight loop (a flood) never
   * blocks: on the host backend, where VMs are fibers sharing a few worker
   * threads, it would keep its worker from the VMs queued behind it, so it
   * gives the worker up once per slice. Free where a VM is a hardware
   * thread (arch_yield does nothing there). */
  if (now - last_yield > NET_SLICE_NS) {
    last_yield = now;
    lk_stop_if_asked();
    lk_waited();
    arch_yield();
  }
  net_run_timers(now);
  return taken;
}

int net_wait(int64_t deadline_ns) {
  (void)deadline_ns; /* the caller checks its deadline each time it retries */
  lk_waited();
  arch_pause();
  net_poll();
  return 0;
}

LK_TRUSTED void net_exited(void) {
  if (!initialized)
    return;
  const struct gpuvm_launch *l = &__gpuvm_launch;
  struct gpuvm_ring *ring =
      gpuvm_vm_ring(l->slices, l->slice_size, l->net.rx_ring_bytes, lk_vm_id());
  __atomic_store_n(&ring->exited, 1, __ATOMIC_RELEASE);
}

void net_linger(void) {
  if (!initialized || !net_if.up)
    return;
  const int64_t limit = net_now() + 10ll * 1000000000ll;
  while (tcp_unsent() && net_now() < limit)
    net_wait(limit);
}
