#include <lightkernel/arch.h>
#include <lightkernel/boot.h>
#include <lightkernel/confine.h>
#include <lightkernel/syscall.h>

uint32_t lk_vm_id(void) {
  return arch_vm_id();
}
uint32_t lk_vm_count(void) {
  return __gpuvm_launch.vm_count;
}
void lk_yield(void) {
  lk_waited();
  arch_yield();
}

uint64_t lk_stack_size(void) {
  return __gpuvm_launch.stack_size;
}

void lk_heap_region(char **start, char **end) {
  if (!lk_may_write(start, sizeof *start) || !lk_may_write(end, sizeof *end))
    return;
  *start = lk_heap_start;
  /* The top of the slice is the VM's inbound packet ring. */
  *end =
      (char *)__gpuvm_private_base() + __gpuvm_launch.slice_size - __gpuvm_launch.net.rx_ring_bytes;
}
