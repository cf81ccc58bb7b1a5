/* The device's half of the host bridge, on GPUs: one thread beside the VMs
 * (not a VM: it has no slice and touches no private global) that carries
 * packets between the device and the host's mapped memory. VMs push into
 * the uplink ring in device memory with device atomics; this thread copies
 * those packets into the to_host ring, and delivers what the host bridge
 * put in the from_host ring into the VMs' rings. The host has already
 * routed what it sends (by arithmetic); anything not for a VM is dropped. */
#include <gpuvm/ring.h>
#include <lightkernel/arch.h>
#include <lightkernel/confine.h>

#include "net.h"

/* Packets moved per ring per round, so neither direction starves the other. */
#define BATCH 64

LK_TRUSTED static uint32_t exited_count(const struct gpuvm_net_launch *net) {
  return __atomic_load_n((uint32_t *)(uintptr_t)net->exited, __ATOMIC_ACQUIRE);
}

LK_TRUSTED _Noreturn void lk_uplink_main(void) {
  const struct gpuvm_launch *l = &__gpuvm_launch;
  const struct gpuvm_net_launch *net = &l->net;
  struct gpuvm_ring *uplink = (struct gpuvm_ring *)(uintptr_t)net->uplink;
  struct gpuvm_ring *to_host = (struct gpuvm_ring *)(uintptr_t)net->to_host;
  struct gpuvm_ring *from_host = (struct gpuvm_ring *)(uintptr_t)net->from_host;
  unsigned idle = 0;
  while (exited_count(net) < l->vm_count) {
    unsigned moved = 0;
    uint32_t length;
    const uint8_t *packet;
    while (moved < BATCH && (packet = gpuvm_ring_peek(uplink, &length))) {
      struct gpuvm_ring_part part = {packet, length};
      gpuvm_ring_push_single(to_host, &part, 1, length); /* a full host ring drops */
      gpuvm_ring_pop(uplink);
      ++moved;
    }
    for (unsigned n = 0; n < BATCH && (packet = gpuvm_ring_peek(from_host, &length)); ++n) {
      int64_t vm = length >= 40 ? gpuvm_vm_of_address(net->prefix, packet + 24, l->vm_count) : -1;
      if (vm >= 0) {
        struct gpuvm_ring_part part = {packet, length};
        gpuvm_ring_push(gpuvm_vm_ring(l->slices, l->slice_size, net->rx_ring_bytes, (uint32_t)vm),
                        &part, 1, length);
      }
      gpuvm_ring_pop(from_host);
      ++moved;
    }
    idle = moved ? 0 : idle + 1;
    if (idle > 64)
      arch_pause();
  }
  arch_exit();
}
