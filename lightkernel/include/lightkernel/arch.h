/* What each target (arch/host, arch/nvptx, arch/amdgcn) provides to the
 * rest of the light kernel. */
#ifndef LIGHTKERNEL_ARCH_H
#define LIGHTKERNEL_ARCH_H

#include <gpuvm/launch.h>
#include <gpuvm/mailbox.h>

#include <stdint.h>

/* The runtime's launch parameters, shared by all VMs. */
extern struct gpuvm_launch __gpuvm_launch;

/* The running VM: which one, and where its memory slice starts. The
 * privatizing pass calls arch_private_base for every private global. */
uint32_t arch_vm_id(void);
void *__gpuvm_private_base(void);

/* Whether [at, at + len) is in the running VM's own stack, and whether its
 * code may write there through a pointer: on the host, only the unsafe
 * stack (gpu-c++ moves there every stack object a pointer may reach), so
 * that no checked write reaches a return address or a spilled register; on
 * GPUs, where the stacks are not split yet, the whole stack. */
int arch_in_own_stack(uintptr_t at, uint64_t len);
int arch_may_write_stack(uintptr_t at, uint64_t len);

/* Posts the request in `box` and waits for the host's reply. */
void arch_rpc(struct gpuvm_mailbox *box);
void arch_yield(void);
/* Waits a moment without work (a VM parked on its queues): other VMs on the
 * host's worker run; a GPU thread sleeps briefly so spinning costs less. */
void arch_pause(void);
_Noreturn void arch_exit(void);

/* GPUs: the device's half of the host bridge, run by thread vm_count
 * (net/uplink.c). */
_Noreturn void lk_uplink_main(void);

/* A fast local clock in nanoseconds (not calibrated). */
int64_t arch_clock_ns(void);

#endif
