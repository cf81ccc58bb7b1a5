/* AMD: a VM is one wavefront, launched as a work-group of one work-item.
 * Untested on hardware: no AMD GPU has been available to the project. */
#include <lightkernel/arch.h>
#include <lightkernel/boot.h>
#include <lightkernel/confine.h>
#include <lightkernel/syscall.h>

/* Every function here reaches beyond the VM's memory (the launch, the
 * doorbells, the mailbox): all are trusted (LK_TRUSTED). */

LK_TRUSTED_INLINE uint32_t arch_vm_id(void) {
  return __builtin_amdgcn_workgroup_id_x();
}

LK_TRUSTED_INLINE void *__gpuvm_private_base(void) {
  return (char *)(uintptr_t)__gpuvm_launch.slices +
         (uint64_t)arch_vm_id() * __gpuvm_launch.slice_size;
}

/* Flat addresses in the private aperture reach this work-item's scratch
 * alone. */
LK_TRUSTED_INLINE int arch_in_own_stack(uintptr_t at, uint64_t len) {
  (void)len;
  return __builtin_amdgcn_is_private((const __attribute__((address_space(0))) void *)at);
}

/* The stacks are not split here (the host's are): return addresses that a
 * function saves in its frame are the VM's to overwrite. */
LK_TRUSTED_INLINE int arch_may_write_stack(uintptr_t at, uint64_t len) {
  return arch_in_own_stack(at, len);
}

LK_TRUSTED void arch_rpc(struct gpuvm_mailbox *box) {
  if (box != (struct gpuvm_mailbox *)(uintptr_t)__gpuvm_launch.mailboxes + arch_vm_id())
    lk_crash(11 /* SIGSEGV */, "a host call through another VM's mailbox");
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  __atomic_store_n(&box->state, GPUVM_MAILBOX_REQUEST, __ATOMIC_RELEASE);
  gpuvm_doorbell_ring(&__gpuvm_launch.doorbells, arch_vm_id());
  if (box->op == GPUVM_RPC_EXIT)
    return;
  while (__atomic_load_n(&box->state, __ATOMIC_ACQUIRE) != GPUVM_MAILBOX_REPLY)
    __builtin_amdgcn_s_sleep(2);
  __atomic_store_n(&box->state, GPUVM_MAILBOX_IDLE, __ATOMIC_RELAXED);
}

void arch_yield(void) {}

LK_TRUSTED void arch_pause(void) {
  __builtin_amdgcn_s_sleep(8);
}

LK_TRUSTED _Noreturn void arch_exit(void) {
  __builtin_amdgcn_endpgm();
}

/* s_memrealtime counts at a constant 100 MHz on gfx9 and gfx10. */
LK_TRUSTED int64_t arch_clock_ns(void) {
  return (int64_t)__builtin_amdgcn_s_memrealtime() * 10;
}

LK_TRUSTED __attribute__((amdgpu_kernel, amdgpu_flat_work_group_size(1, 1))) void
__gpuvm_start(void) {
  uint32_t id = arch_vm_id();
  if (id < __gpuvm_launch.vm_count)
    lk_boot();
  if (id == __gpuvm_launch.vm_count && __gpuvm_launch.net.to_host)
    lk_uplink_main();
}
