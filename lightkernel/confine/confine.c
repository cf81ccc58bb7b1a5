/* Software fault isolation: the checks gpu-c++ puts before each access of a
 * VM's own code that it cannot prove safe (compiler/passes/ConfineMemory.h).
 * Inlined there; an access outside what the VM may touch ends that VM alone,
 * before the access happens, and says where. */
#include <lightkernel/arch.h>
#include <lightkernel/confine.h>
#include <lightkernel/syscall.h>
#include <lightkernel/text.h>

#include <gpuvm/data_set.h>

#include "../rpc/control.h"

LK_TRUSTED_INLINE static inline int in_own_slice(uintptr_t at, uint64_t len, uint64_t size) {
  return lk_within(at, len, (uintptr_t)__gpuvm_private_base(), size);
}

LK_TRUSTED static void append_site(char **out, char *end, const char *site) {
  if (site) {
    lk_append(out, end, " (");
    lk_append(out, end, site);
    lk_append(out, end, ")");
  }
}

LK_TRUSTED _Noreturn __attribute__((noinline, cold)) static void
fault(uintptr_t at, uint64_t len, int write, int kernel, const char *site) {
  char reason[192];
  char *out = reason, *end = reason + sizeof reason - 1;
  lk_append(&out, end, write ? "wild write of " : "wild read of ");
  lk_append_number(&out, end, len, 10);
  lk_append(&out, end, len == 1 ? " byte at " : " bytes at ");
  lk_append_number(&out, end, at, 16);
  if (kernel)
    lk_append(&out, end, " by the light kernel, its state overwritten");
  append_site(&out, end, site);
  *out = 0;
  lk_crash(11 /* SIGSEGV */, reason);
}

LK_TRUSTED_INLINE int lk_may_write(const void *p, uint64_t len) {
  uintptr_t at = (uintptr_t)p;
  if (!len)
    return 1; /* touches nothing, as Linux's write(fd, NULL, 0) */
  /* The top of the slice is the VM's inbound packet ring, which other VMs'
   * routers fill: the VM reads it, only its kernel moves its indices. */
  return __builtin_expect(
             in_own_slice(at, len, __gpuvm_launch.slice_size - __gpuvm_launch.net.rx_ring_bytes),
             1) ||
         arch_may_write_stack(at, len);
}

LK_TRUSTED_INLINE int lk_may_read(const void *p, uint64_t len) {
  uintptr_t at = (uintptr_t)p;
  if (!len)
    return 1;
  if (__builtin_expect(in_own_slice(at, len, __gpuvm_launch.slice_size), 1) ||
      arch_in_own_stack(at, len) ||
      lk_within(at, len, __gpuvm_launch.confinement.readonly,
                __gpuvm_launch.confinement.readonly_size))
    return 1;
  const struct gpuvm_data_set *set =
      (const struct gpuvm_data_set *)(uintptr_t)__gpuvm_launch.data_set;
  return set && lk_within(at, len, (uintptr_t)set, set->size);
}

LK_TRUSTED int lk_may_read_string(const char *s, uint64_t most) {
  for (uint64_t i = 0; i < most; ++i)
    if (!lk_may_read(s + i, 1))
      return 0;
    else if (!s[i])
      return 1;
  return 1;
}

LK_TRUSTED int lk_may_use_iovec(const struct lk_iovec *iov, int count, int write) {
  if (count < 0 || !lk_may_read(iov, (uint64_t)count * sizeof *iov))
    return 0;
  for (int i = 0; i < count; ++i)
    if (!(write ? lk_may_write(iov[i].base, iov[i].length)
                : lk_may_read(iov[i].base, iov[i].length)))
      return 0;
  return 1;
}

/* Out of line through optimization, so that gpu-c++ can then drop, merge
 * and hoist them out of loops (compiler/passes/ConfineMemory.h), and on the
 * host inline them at every checked access after that. On GPUs they stay
 * calls. NVIDIA: inlined into the large functions of a C++ program
 * (bench/confine/workload.cpp), they failed for every thread of a warp but
 * the first (sm_90, H100 and H200), while the same check called as a
 * function passes; the cause, LLVM's NVPTX back end or ptxas, is not found
 * yet. AMD: inlined as the optimizer went, they made a C++ program's code
 * seven times larger and its build nine times longer (test/vm/cxx-library.cpp:
 * 27 MB and 450 s against 3.7 MB and 50 s unconfined). */
#define CHECK_LINKAGE __attribute__((noinline))

CHECK_LINKAGE void __gpuvm_confine_write(void *p, uint64_t len, const char *site) {
  if (!lk_may_write(p, len))
    fault((uintptr_t)p, len, 1, 0, site);
}

CHECK_LINKAGE void __gpuvm_confine_read(const void *p, uint64_t len, const char *site) {
  if (!lk_may_read(p, len))
    fault((uintptr_t)p, len, 0, 0, site);
}

_Static_assert(sizeof(struct lk_private) <= GPUVM_KERNEL_PRIVATE_BYTES,
               "the runtime allocates GPUVM_KERNEL_PRIVATE_BYTES per VM");

LK_TRUSTED struct lk_private *lk_private(void) {
  return (struct lk_private *)(uintptr_t)(__gpuvm_launch.kernel_private +
                                          (uint64_t)arch_vm_id() * GPUVM_KERNEL_PRIVATE_BYTES);
}

/* Trusted: called at every wait, they would otherwise pay a kernel check
 * (whose fast path, the slice, always misses here) on top of the call. */
LK_TRUSTED void lk_waited(void) {
  lk_private()->wait_epoch += 2;
}
LK_TRUSTED void lk_wait_begin(void) {
  ++lk_private()->wait_epoch;
}
LK_TRUSTED void lk_wait_end(void) {
  ++lk_private()->wait_epoch;
}

/* Beyond the VM's own memory, the kernel keeps its mailbox (host calls,
 * limit counters), its network counters and its private memory, all
 * outside every slice. */
LK_TRUSTED static int in_own_kernel_area(uintptr_t at, uint64_t len) {
  const uint32_t vm = arch_vm_id();
  const struct gpuvm_launch *l = &__gpuvm_launch;
  return lk_within(at, len, l->mailboxes + vm * sizeof(struct gpuvm_mailbox),
                   sizeof(struct gpuvm_mailbox)) ||
         lk_within(at, len, l->kernel_private + (uint64_t)vm * GPUVM_KERNEL_PRIVATE_BYTES,
                   sizeof(struct lk_private)) ||
         (l->net.counters &&
          lk_within(at, len, l->net.counters + vm * sizeof(struct gpuvm_net_counters),
                    sizeof(struct gpuvm_net_counters)));
}

CHECK_LINKAGE void __gpuvm_confine_kernel_write(void *p, uint64_t len, const char *site) {
  if (!lk_may_write(p, len) && !in_own_kernel_area((uintptr_t)p, len))
    fault((uintptr_t)p, len, 1, 1, site);
}

CHECK_LINKAGE void __gpuvm_confine_kernel_read(const void *p, uint64_t len, const char *site) {
  if (!lk_may_read(p, len) && !in_own_kernel_area((uintptr_t)p, len))
    fault((uintptr_t)p, len, 0, 1, site);
}

LK_TRUSTED _Noreturn __attribute__((cold)) void lk_stack_overflow(uint64_t used, uint64_t frame,
                                                                  const char *site) {
  /* Not on the stack: what is left of it is beyond what the VM may read,
   * and the reason, read from there, would be lost. */
  static char reason[320];
  char *out = reason, *end = reason + sizeof reason - 1;
  lk_append(&out, end, "stack overflow (--stack-size ");
  lk_append_number(&out, end, __gpuvm_launch.stack_size, 10);
  lk_append(&out, end, " bytes): ");
  lk_append_number(&out, end, used, 10);
  lk_append(&out, end, " in use and a frame of ");
  lk_append_number(&out, end, frame, 10);
  if (site) {
    lk_append(&out, end, " in ");
    lk_append(&out, end, site);
  }
  *out = 0;
  /* What is left of the stack is for the report alone: no cleanup. */
  lk_private()->leaving = 1;
  lk_crash(11 /* SIGSEGV */, reason);
}

LK_TRUSTED _Noreturn __attribute__((cold)) void lk_stack_arrays_exhausted(uint64_t in_use,
                                                                          uint64_t bytes) {
  static char reason[160];
  char *out = reason, *end = reason + sizeof reason - 1;
  lk_append(&out, end, "stack overflow: no room in the VM's heap (--mem-per-vm) for an array of ");
  lk_append_number(&out, end, bytes, 10);
  lk_append(&out, end, " bytes beside the ");
  lk_append_number(&out, end, in_use, 10);
  lk_append(&out, end, " that its stack arrays hold");
  *out = 0;
  lk_private()->leaving = 1;
  lk_crash(11 /* SIGSEGV */, reason);
}

#ifdef __NVPTX__
/* Addresses of locals are generic ones into the thread's own window, the
 * same in every VM, and frames go down from the first. */
LK_TRUSTED __attribute__((noinline)) static uintptr_t stack_here(void) {
  char here; /* its address alone: a store could land past the stack's end */
  uintptr_t at = (uintptr_t)&here;
  __asm__ volatile("" : "+l"(at));
  return at;
}

LK_TRUSTED void lk_stack_begins(void) {
  lk_private()->stack_top = stack_here();
}

void __gpuvm_confine_stack(uint64_t frame_bytes, const char *site) {
  const uint64_t used = lk_private()->stack_top - stack_here();
  const uint64_t size = __gpuvm_launch.stack_size;
  if (used > size || frame_bytes > size - used || size - used - frame_bytes < LK_STACK_RESERVE)
    lk_stack_overflow(used, frame_bytes, site);
}
#endif

LK_TRUSTED int lk_may_call(const void *fn) {
  const uint64_t *entries = (const uint64_t *)(uintptr_t)__gpuvm_launch.confinement.entries;
  uint64_t low = 0, high = __gpuvm_launch.confinement.entry_count;
  while (low < high) {
    uint64_t middle = low + (high - low) / 2;
    if (entries[middle] < (uintptr_t)fn)
      low = middle + 1;
    else
      high = middle;
  }
  return low < __gpuvm_launch.confinement.entry_count && entries[low] == (uintptr_t)fn;
}

LK_TRUSTED _Noreturn __attribute__((noinline, cold)) static void bad_call(const void *fn,
                                                                          const char *site) {
  char reason[192];
  char *out = reason, *end = reason + sizeof reason - 1;
  lk_append(&out, end, "indirect call to ");
  lk_append_number(&out, end, (uintptr_t)fn, 16);
  lk_append(&out, end, ", not a function of the image");
  append_site(&out, end, site);
  *out = 0;
  lk_crash(11 /* SIGSEGV */, reason);
}

void __gpuvm_confine_call(const void *fn, const char *site) {
  if (!lk_may_call(fn))
    bad_call(fn, site);
}

/* Its state is in lk_private(): in the slice, the VM could reset its own
 * budget or mark itself leaving, and run on past --max-cpu-ms and gpuvm stop. */
__attribute__((noinline, cold)) void __gpuvm_confine_budget(void) {
  struct lk_private *own = lk_private();
  /* Every 8th call (32,768 loop iterations), not by the clock, which is a
   * host call on the host: the stop request, in a mailbox that may be across
   * the bus (cuda); and on the host, where VMs are fibers sharing worker
   * threads, a loop that never waits lets the VMs behind it run (not a
   * wait: its budget runs on). */
  if (!(++own->budget_calls & 7)) {
    lk_stop_if_asked();
    arch_yield();
  }
  const uint64_t budget = __gpuvm_launch.confinement.max_run_ns;
  if (!budget || (own->wait_epoch & 1))
    return;
  int64_t now = arch_clock_ns();
  if (own->budget_epoch != own->wait_epoch || !own->run_began) {
    own->budget_epoch = own->wait_epoch;
    own->run_began = now;
    return;
  }
  if ((uint64_t)(now - own->run_began) <= budget)
    return;
  char reason[128];
  char *out = reason, *end = reason + sizeof reason - 1;
  lk_append(&out, end, "ran ");
  lk_append_number(&out, end, (uint64_t)(now - own->run_began) / 1000000, 10);
  lk_append(&out, end, " ms without waiting (--max-cpu-ms ");
  lk_append_number(&out, end, budget / 1000000, 10);
  lk_append(&out, end, ")");
  *out = 0;
  lk_crash(24 /* SIGXCPU */, reason);
}
