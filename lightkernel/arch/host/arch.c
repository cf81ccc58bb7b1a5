/* Host backend: a VM is a fiber on a worker thread; the runtime switches the
 * thread's private-base pointer with the fiber and serves requests inline. */
#include <lightkernel/arch.h>
#include <lightkernel/boot.h>
#include <lightkernel/confine.h>
#include <lightkernel/syscall.h>

/* Defined by the gpuvm runtime (exported from its executable). */
extern __thread char *__gpuvm_host_vm_base __attribute__((tls_model("initial-exec")));
extern __thread char *__gpuvm_host_vm_stack __attribute__((tls_model("initial-exec")));
/* The running VM's unsafe stack pointer, switched with the fiber (LLVM's
 * SafeStack names it). */
extern __thread void *__safestack_unsafe_stack_ptr __attribute__((tls_model("initial-exec")));

/* Every function here reaches the host's memory (the services, the launch's
 * tables): all are trusted (LK_TRUSTED). */

LK_TRUSTED static const struct gpuvm_host_services *services(void) {
  return (const struct gpuvm_host_services *)(uintptr_t)__gpuvm_launch.host_services;
}

LK_TRUSTED_INLINE void *__gpuvm_private_base(void) {
  return __gpuvm_host_vm_base;
}

LK_TRUSTED uint32_t arch_vm_id(void) {
  return (uint32_t)(((uintptr_t)__gpuvm_host_vm_base - __gpuvm_launch.slices) /
                    __gpuvm_launch.slice_size);
}

/* Reads may see the hardware stack too: a variadic function's arguments
 * lie there. */
LK_TRUSTED_INLINE int arch_in_own_stack(uintptr_t at, uint64_t len) {
  return lk_within(at, len, (uintptr_t)__gpuvm_host_vm_stack,
                   __gpuvm_launch.confinement.stack_stride);
}

/* The unsafe stack, at the top of the VM's stride, grows down towards its
 * hardware stack, which the check below keeps it off. */
LK_TRUSTED_INLINE static uintptr_t unsafe_stack_top(void) {
  return (uintptr_t)__gpuvm_host_vm_stack + __gpuvm_launch.confinement.stack_stride;
}

LK_TRUSTED_INLINE int arch_may_write_stack(uintptr_t at, uint64_t len) {
  return lk_within(at, len, unsafe_stack_top() - __gpuvm_launch.stack_size,
                   __gpuvm_launch.stack_size);
}

LK_TRUSTED __attribute__((cold)) static void unsafe_stack_exhausted(uintptr_t top) {
  const uintptr_t highest = unsafe_stack_top();
  /* Leaving, the kernel may use the reserve. */
  if (lk_private()->leaving && highest - top <= __gpuvm_launch.stack_size)
    return;
  const uintptr_t now = (uintptr_t)__safestack_unsafe_stack_ptr;
  lk_stack_overflow(highest - now, now - top, 0);
}

LK_TRUSTED_INLINE void __gpuvm_confine_unsafe_stack(void *top) {
  /* One comparison: a top above the stack wraps to a large difference. */
  if (__builtin_expect(
          unsafe_stack_top() - (uintptr_t)top <= __gpuvm_launch.stack_size - LK_STACK_RESERVE, 1))
    return;
  unsafe_stack_exhausted((uintptr_t)top);
}

/* The hardware stack: below the unsafe one, --stack-size bytes. The runtime
 * keeps a limit at %fs:0x70 (a word of the thread's control block that
 * glibc leaves for split stacks) some way above its end, which every
 * function of a confined image, given LLVM's split-stack prologue by
 * gpu-c++, compares with the stack pointer before it sets up its frame;
 * below it the prologue calls __morestack. */
LK_TRUSTED_INLINE static uintptr_t hardware_stack_top(void) {
  return unsafe_stack_top() - __gpuvm_launch.stack_size;
}

LK_TRUSTED_INLINE static uintptr_t stack_limit(void) {
  uintptr_t limit;
  __asm__ volatile("movq %%fs:0x70, %0" : "=r"(limit));
  return limit;
}

LK_TRUSTED_INLINE static void lift_stack_limit(void) {
  __asm__ volatile("movq $0, %%fs:0x70" ::: "memory");
}

/* The report runs in what is left below the limit, which its callers lift
 * first (its own prologues would call __morestack again). */
LK_TRUSTED _Noreturn __attribute__((used)) static void stack_exhausted(uint64_t frame,
                                                                       const char *site) {
  const uintptr_t here = (uintptr_t)__builtin_frame_address(0);
  lk_stack_overflow(hardware_stack_top() - here, frame, site);
}

/* Called by a split-stack prologue, before its function's frame, with the
 * frame's size in r10. LLVM's protocol would have it find a new stack and
 * call the function back; here the VM ends. lld sends prologues of
 * functions that call one without the prologue (a variadic function) to
 * __morestack_non_split: the same. Exported, as gpu-c++ exports all three:
 * lld looks them up by name, and code generation calls them. */
__attribute__((naked)) void __morestack(void) {
  __asm__("movq $0, %%fs:0x70\n\t" /* the report's own prologues pass */
          "movq %%r10, %%rdi\n\t"
          "xorl %%esi, %%esi\n\t"
          "andq $-16, %%rsp\n\t"
          "call %P0\n\t"
          "ud2" ::"i"(stack_exhausted));
}
void __morestack_non_split(void) __attribute__((alias("__morestack")));

/* A split-stack function's variable-length array or alloca() that the
 * stack cannot hold asks this for memory elsewhere: none here. */
LK_TRUSTED void *__morestack_allocate_stack_space(uint64_t bytes) {
  lift_stack_limit();
  stack_exhausted(bytes, 0);
}

/* LLVM cannot give a variadic function the split-stack prologue: gpu-c++
 * calls this at the entry of each that may recurse or has a large frame,
 * with its arrays' size; what else its frame holds the reserve under the
 * limit absorbs. Without a prologue itself (gpu-c++ leaves it out), so
 * that it may run below the limit and name the function. */
LK_TRUSTED void __gpuvm_confine_stack(uint64_t frame_bytes, const char *site) {
  const uintptr_t limit = stack_limit();
  const uintptr_t here = (uintptr_t)__builtin_frame_address(0);
  if (limit && (here < limit || here - limit < frame_bytes)) {
    lift_stack_limit();
    stack_exhausted(frame_bytes, site);
  }
}

LK_TRUSTED void arch_rpc(struct gpuvm_mailbox *box) {
  if (box != (struct gpuvm_mailbox *)(uintptr_t)__gpuvm_launch.mailboxes + arch_vm_id())
    lk_crash(11 /* SIGSEGV */, "a host call through another VM's mailbox");
  box->state = GPUVM_MAILBOX_REQUEST;
  services()->call(box);
  box->state = GPUVM_MAILBOX_IDLE;
}

LK_TRUSTED void arch_yield(void) {
  services()->yield();
}

LK_TRUSTED void arch_pause(void) {
  services()->pause();
}

LK_TRUSTED _Noreturn void arch_exit(void) {
  services()->exit();
  __builtin_unreachable();
}

LK_TRUSTED int64_t arch_clock_ns(void) {
  struct gpuvm_mailbox *box =
      (struct gpuvm_mailbox *)(uintptr_t)__gpuvm_launch.mailboxes + arch_vm_id();
  int64_t saved_op = box->op;
  box->op = GPUVM_RPC_CLOCK;
  arch_rpc(box);
  box->op = (uint32_t)saved_op;
  return box->arg[0];
}

/* The runtime calls this on the VM's fiber once the base pointer is set. */
LK_TRUSTED _Noreturn void __gpuvm_vm_entry(void) {
  lk_boot();
}
