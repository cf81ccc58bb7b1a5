/* Variable-length arrays and alloca() of confined NVIDIA images, which
 * gpu-c++ moves off PTX's stack (compiler/passes/VariableLengthArrays.h):
 * an arena of --stack-size bytes from the VM's own heap, taken at its
 * first array, used as a stack. Its bounds are ordinary per-VM globals: a
 * VM that overwrites them misplaces its own arrays, whose every access is
 * still checked. An array that does not fit ends the VM as a stack
 * overflow. */
#include <lightkernel/arch.h>
#include <lightkernel/confine.h>
#include <lightkernel/syscall.h>

#include "../mem/memory.h"

#define ARENA_ALIGN 16u

static uintptr_t arena_base, arena_end, arena_top;

LK_TRUSTED void *__gpuvm_vla_alloc(uint64_t bytes) {
  if (!arena_base) {
    const uint64_t size = __gpuvm_launch.stack_size;
    void *arena = lk_kalloc((size_t)size);
    if (!arena)
      lk_crash(11 /* SIGSEGV */, "no memory left for a variable-length array's arena "
                                 "(--stack-size bytes of the VM's heap)");
    arena_base = (uintptr_t)arena;
    arena_end = arena_top = (arena_base + size) & ~(uintptr_t)(ARENA_ALIGN - 1);
  }
  const uint64_t room = arena_top - arena_base;
  const uint64_t rounded = (bytes + ARENA_ALIGN - 1) & ~(uint64_t)(ARENA_ALIGN - 1);
  if (bytes > room || rounded > room) /* the first: rounding may wrap */
    lk_stack_overflow(arena_end - arena_top, bytes);
  arena_top -= rounded;
  return (void *)arena_top;
}

LK_TRUSTED void *__gpuvm_vla_save(void) {
  return (void *)arena_top;
}

/* Only to a top inside the arena (or the empty arena's, 0, saved before
 * its first array). */
LK_TRUSTED void __gpuvm_vla_restore(void *top) {
  const uintptr_t at = (uintptr_t)top;
  if (at >= arena_base && at <= arena_end)
    arena_top = at;
  else if (!at)
    arena_top = arena_end;
}
