/* NVIDIA: a VM is one GPU thread (independent forward progress, sm_70+). */
#include <lightkernel/arch.h>
#include <lightkernel/boot.h>
#include <lightkernel/confine.h>
#include <lightkernel/syscall.h>

/* Every function here reaches beyond the VM's memory (the launch, the
 * doorbells, the mailbox): all are trusted (LK_TRUSTED). */

static LK_TRUSTED_INLINE uint32_t launch_thread(void) {
  return __nvvm_read_ptx_sreg_ctaid_x() * __nvvm_read_ptx_sreg_ntid_x() +
         __nvvm_read_ptx_sreg_tid_x();
}

/* The launch's first warp relays replies (gpuvm/doorbell.h). */
LK_TRUSTED_INLINE uint32_t arch_vm_id(void) {
  return launch_thread() - GPUVM_RELAY_THREADS;
}

LK_TRUSTED_INLINE void *__gpuvm_private_base(void) {
  return (char *)(uintptr_t)__gpuvm_launch.slices +
         (uint64_t)arch_vm_id() * __gpuvm_launch.slice_size;
}

/* Generic addresses in the local window reach this thread's local memory
 * alone. Its stack grows down from the top of the window, local address
 * 2^24 (measured on an H200: main's frame at 0xfffd60 with every
 * --stack-size), and the hardware faults for the whole launch a little
 * before --stack-size below it (at about 15 KiB of 16): the last 2 KiB are
 * left out. */
#define LOCAL_WINDOW_TOP (1ull << 24)
#define STACK_BOTTOM_RESERVE 2048u

LK_TRUSTED_INLINE int arch_in_own_stack(uintptr_t at, uint64_t len) {
  if (!__nvvm_isspacep_local((const void *)at))
    return 0;
  uint64_t local =
      (uint64_t)(uintptr_t)(__attribute__((address_space(5))) const char *)(const void *)at;
  const uint64_t size = __gpuvm_launch.stack_size;
  const uint64_t usable = size > STACK_BOTTOM_RESERVE ? size - STACK_BOTTOM_RESERVE : 0;
  return lk_within(local, len, LOCAL_WINDOW_TOP - usable, usable);
}

/* The stacks are not split here (the host's are): return addresses that a
 * function saves in its frame are the VM's to overwrite. */
LK_TRUSTED_INLINE int arch_may_write_stack(uintptr_t at, uint64_t len) {
  return arch_in_own_stack(at, len);
}

/* The mailbox lives in host memory mapped into the GPU: publish the request
 * system-wide, ring the doorbell that tells the host, then wait for the
 * host's reply: for the relay's count in device memory where there is a
 * relay, else for the mailbox's state across the bus. */
LK_TRUSTED void arch_rpc(struct gpuvm_mailbox *box) {
  if (box != (struct gpuvm_mailbox *)(uintptr_t)__gpuvm_launch.mailboxes + arch_vm_id())
    lk_crash(11 /* SIGSEGV */, "a host call through another VM's mailbox");
  __nvvm_membar_sys();
  *(volatile uint32_t *)&box->state = GPUVM_MAILBOX_REQUEST;
  __nvvm_membar_sys();
  gpuvm_doorbell_ring(&__gpuvm_launch.doorbells, arch_vm_id());
  if (box->op == GPUVM_RPC_EXIT)
    return;
  if (__gpuvm_launch.doorbells.replies) {
    struct lk_private *own = lk_private();
    const uint32_t awaited = ++own->host_calls;
    while (*(volatile uint32_t *)&own->host_replies != awaited)
      __nvvm_nanosleep(256);
  } else {
    while (*(volatile uint32_t *)&box->state != GPUVM_MAILBOX_REPLY)
      __nvvm_nanosleep(256);
  }
  __nvvm_membar_sys();
  *(volatile uint32_t *)&box->state = GPUVM_MAILBOX_IDLE;
}

/* Thread `queue` of the relay: counts each reply the host posts on its
 * queue into the VM's kernel-private block, in the order posted, until the
 * host says every VM has exited. A word naming a VM outside the queue is
 * passed over (it came from the host, so it is never expected). */
static LK_TRUSTED void relay_replies(uint32_t queue) {
  const struct gpuvm_doorbells *bells = &__gpuvm_launch.doorbells;
  const uint64_t *slots =
      (const uint64_t *)(uintptr_t)bells->replies + (uint64_t)queue * bells->capacity;
  const volatile uint32_t *stop = (const volatile uint32_t *)(uintptr_t)bells->replies_stop;
  const uint32_t first = queue * bells->vms_per_queue;
  const uint32_t end = __gpuvm_launch.vm_count - first < bells->vms_per_queue
                           ? __gpuvm_launch.vm_count
                           : first + bells->vms_per_queue;
  for (uint32_t sequence = 0;;) {
    const int64_t vm = gpuvm_doorbell_take(slots, bells->capacity, sequence);
    if (vm < 0) {
      if (*stop)
        return;
      __nvvm_nanosleep(128);
      continue;
    }
    ++sequence;
    if (vm < first || vm >= end)
      continue;
    /* The reply in the mailbox is visible before the VM sees its count. */
    __nvvm_membar_sys();
    struct lk_private *waiting =
        (struct lk_private *)(uintptr_t)(__gpuvm_launch.kernel_private +
                                         (uint64_t)vm * GPUVM_KERNEL_PRIVATE_BYTES);
    volatile uint32_t *replies = &waiting->host_replies;
    *replies = *replies + 1u;
  }
}

void arch_yield(void) {}

LK_TRUSTED void arch_pause(void) {
  __nvvm_nanosleep(500);
}

LK_TRUSTED _Noreturn void arch_exit(void) {
  __asm__ volatile("exit;");
  __builtin_unreachable();
}

LK_TRUSTED int64_t arch_clock_ns(void) {
  return (int64_t)__nvvm_read_ptx_sreg_globaltimer();
}

LK_TRUSTED __attribute__((nvptx_kernel)) void __gpuvm_start(void) {
  const uint32_t thread = launch_thread();
  if (thread < GPUVM_RELAY_THREADS) {
    if (__gpuvm_launch.doorbells.replies && thread < __gpuvm_launch.doorbells.queue_count)
      relay_replies(thread);
    return;
  }
  uint32_t id = thread - GPUVM_RELAY_THREADS;
  if (id < __gpuvm_launch.vm_count) {
    lk_stack_begins();
    lk_boot();
  }
  if (id == __gpuvm_launch.vm_count && __gpuvm_launch.net.to_host)
    lk_uplink_main();
}
