/* Host backend: a VM is a fiber on a worker thread; the runtime switches the
 * thread's private-base pointer with the fiber and serves requests inline. */
#include <lightkernel/arch.h>
#include <lightkernel/boot.h>
#include <lightkernel/confine.h>

/* Defined by the gpuvm runtime (exported from its executable). */
extern __thread char *__gpuvm_host_vm_base __attribute__((tls_model("initial-exec")));

static const struct gpuvm_host_services *services(void) {
  return (const struct gpuvm_host_services *)(uintptr_t)__gpuvm_launch.host_services;
}

__attribute__((always_inline)) void *__gpuvm_private_base(void) {
  return __gpuvm_host_vm_base;
}

uint32_t arch_vm_id(void) {
  return (uint32_t)(((uintptr_t)__gpuvm_host_vm_base - __gpuvm_launch.slices) /
                    __gpuvm_launch.slice_size);
}

static uintptr_t stack_start; /* private data: this VM's */

__attribute__((always_inline)) int arch_in_own_stack(uintptr_t at, uint64_t len) {
  const uint64_t stride = __gpuvm_launch.confinement.stack_stride;
  if (!stack_start)
    stack_start = __gpuvm_launch.confinement.stacks + (uint64_t)arch_vm_id() * stride;
  return lk_within(at, len, stack_start, stride);
}

void arch_rpc(struct gpuvm_mailbox *box) {
  box->state = GPUVM_MAILBOX_REQUEST;
  services()->call(box);
  box->state = GPUVM_MAILBOX_IDLE;
}

void arch_yield(void) {
  services()->yield();
}

void arch_pause(void) {
  services()->pause();
}

_Noreturn void arch_exit(void) {
  services()->exit();
  __builtin_unreachable();
}

int64_t arch_clock_ns(void) {
  struct gpuvm_mailbox *box =
      (struct gpuvm_mailbox *)(uintptr_t)__gpuvm_launch.mailboxes + arch_vm_id();
  int64_t saved_op = box->op;
  box->op = GPUVM_RPC_CLOCK;
  arch_rpc(box);
  box->op = (uint32_t)saved_op;
  return box->arg[0];
}

/* The runtime calls this on the VM's fiber once the base pointer is set. */
_Noreturn void __gpuvm_vm_entry(void) {
  lk_boot();
}
