/* Software fault isolation's checks (confine/confine.c), which gpu-c++ calls
 * before each access of a VM's own code that it cannot prove safe. site is
 * "file:line" of the access, or null. */
#ifndef LIGHTKERNEL_CONFINE_H
#define LIGHTKERNEL_CONFINE_H

#include <stdint.h>

/* [at, at + len) inside [start, start + size), without overflow. */
static inline int lk_within(uintptr_t at, uint64_t len, uint64_t start, uint64_t size) {
  uint64_t offset = at - start; /* wraps, and fails, below start */
  return offset <= size && len <= size - offset;
}

/* Whether the running VM may read or write [p, p + len): its slice (but
 * for writes its inbound packet ring), its stack, and for reads the image's
 * constants and the shared data set. What the kernel checks in every buffer
 * a VM hands it (EFAULT otherwise). */
int lk_may_read(const void *p, uint64_t len);
int lk_may_write(const void *p, uint64_t len);

/* A NUL-terminated string the VM hands the kernel (a path): 1 when each
 * byte up to its NUL, or its first `most` bytes, may be read (the reader
 * then says whether it is too long); 0 otherwise (EFAULT). */
int lk_may_read_string(const char *s, uint64_t most);

/* The array and every buffer it names (write: the kernel fills them). */
struct lk_iovec;
int lk_may_use_iovec(const struct lk_iovec *iov, int count, int write);

void __gpuvm_confine_read(const void *p, uint64_t len, const char *site);
void __gpuvm_confine_write(void *p, uint64_t len, const char *site);

/* The light kernel's state lives in the VM's slice, where the VM can
 * overwrite it: its own accesses are checked too, against what the VM may
 * touch and the VM's mailbox, network counters and private memory (struct
 * lk_private below), so that state cannot
 * lead it into another VM. A function that must reach further (other VMs'
 * rings, the launch's tables, the host) is marked LK_TRUSTED, left
 * unchecked, and checks every pointer it is handed itself; so is whatever
 * only such functions call. */
/* Kept out of line (noinline): built file by file at -O2, an unchecked
 * caller in the same file would otherwise take in its body before gpu-c++
 * sees it, and check it (on an H100 leave() took in the exit counter's
 * update and faulted there). LK_TRUSTED_INLINE is for the few that must
 * be inlined (the checks' fast path) and whose callers in their own file
 * are all trusted. */
#define LK_TRUSTED __attribute__((annotate("gpuvm-trusted"), noinline))
#define LK_TRUSTED_INLINE __attribute__((annotate("gpuvm-trusted"), always_inline))
void __gpuvm_confine_kernel_read(const void *p, uint64_t len, const char *site);
void __gpuvm_confine_kernel_write(void *p, uint64_t len, const char *site);

/* Whether fn is the entry of a function the VM's code may call through a
 * pointer (launch.confinement.entries); gpu-c++ checks every indirect call
 * of the VM's own code with __gpuvm_confine_call. */
int lk_may_call(const void *fn);
void __gpuvm_confine_call(const void *fn, const char *site);

/* What the VM's own code must not change, kept outside its slice (the
 * launch's kernel_private), where confined code cannot write and only the
 * kernel's own (checked against it) can. */
struct lk_private {
  /* Odd while a wait is under way (a host call spinning on its reply is
   * not running); the run budget counts from the last change. */
  uint32_t wait_epoch;
  uint32_t budget_epoch; /* wait_epoch when the run began */
  int64_t run_began;
  uint32_t budget_calls;
  uint32_t leaving;   /* the VM is on its way out: not stopped a second time */
  uint64_t stack_top; /* GPUs: the address of the VM's first frame */
  /* Why it is leaving, reported even if its cleanup crashes. */
  int32_t leaving_status;
  int32_t leaving_kind;
  const char *leaving_reason;
  /* cuda with the reply relay (gpuvm/doorbell.h): host calls made, and
   * replies the relay counted, the only field another thread writes. */
  uint32_t host_calls;
  uint32_t host_replies;
};
struct lk_private *lk_private(void);

/* The run budget (launch.confinement.max_run_ns): gpu-c++ calls
 * __gpuvm_confine_budget every few thousand iterations of each loop of the
 * VM's code; it ends a VM that has run longer than the budget since it last
 * waited, or that the runtime was asked to stop (gpuvm stop); on the host
 * it also lets the other VMs of its worker run. The kernel marks its waits
 * in lk_private()->wait_epoch. */
void lk_waited(void);
void lk_wait_begin(void);
void lk_wait_end(void);
void __gpuvm_confine_budget(void);

/* GPUs, where one thread's stack overflow ends every VM of the launch:
 * gpu-c++ calls this at the entry of each function that may recurse (in a
 * cycle of calls, or called through a pointer) or has a large frame, with
 * that frame's size and the function's name and place ("f (x.c:3)"); it
 * ends the VM, as "stack overflow", when the stack would leave less than
 * LK_STACK_RESERVE for what the kernel itself needs then. lk_stack_begins
 * marks the top, at the VM's first frame. */
#define LK_STACK_RESERVE 2048
void __gpuvm_confine_stack(uint64_t frame_bytes, const char *site);
void lk_stack_begins(void);
/* Ends the VM as "stack overflow (--stack-size N bytes): U in use and a
 * frame of F[ in SITE]", without the cleanup of an ordinary exit. */
_Noreturn void lk_stack_overflow(uint64_t used, uint64_t frame, const char *site);

/* NVIDIA: gpu-c++ turns each large fixed-size array, and in confined
 * images each variable-length array and alloca(), into __gpuvm_arena_alloc,
 * llvm.stacksave/stackrestore into __gpuvm_arena_save/__gpuvm_arena_restore
 * (compiler/passes/StackArrays.h). */
void *__gpuvm_arena_alloc(uint64_t bytes);
void *__gpuvm_arena_save(void);
void __gpuvm_arena_restore(void *top);
/* Ends the VM as a stack overflow: the heap has no room for an array of
 * `bytes` beside the arena's `in_use`. */
_Noreturn void lk_stack_arrays_exhausted(uint64_t in_use, uint64_t bytes);

/* Host: gpu-c++ moves every stack object that a pointer may reach to the
 * VM's unsafe stack (LLVM's SafeStack), and calls this (inlined) before
 * each move of its pointer down to `top`: past the unsafe stack's end less
 * LK_STACK_RESERVE (all of it once the VM is leaving), the VM ends. */
void __gpuvm_confine_unsafe_stack(void *top);

#endif
