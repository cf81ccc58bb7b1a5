/* NVIDIA images (and host images linked with -fgpuvm-nvptx-transforms): the
 * large arrays, and in confined images the variable-length arrays, that
 * gpu-c++ moves off PTX's stack (compiler/passes/StackArrays.h). An arena
 * in the VM's own heap used as a stack: a first chunk of --stack-size bytes,
 * taken at the VM's first such array, and more chunks, each as large as the
 * array that needs it or --stack-size, while the heap has room; a restore
 * gives back the chunks above the top it restores. Its state is in ordinary
 * per-VM globals: a VM that overwrites them misplaces its own arrays, and
 * this file's own accesses are checked as the kernel's (it is not
 * LK_TRUSTED): chunks that a VM forged are at worst in its own slice. An
 * array the heap cannot hold ends the VM as a stack overflow. */
#include <lightkernel/arch.h>
#include <lightkernel/confine.h>
#include <lightkernel/syscall.h>

#include "../mem/memory.h"

#define ARENA_ALIGN 16u

/* At the start of each chunk; its arrays lie in (chunk_base, end]. */
struct chunk {
  struct chunk *below;
  uintptr_t end;
};

static struct chunk *arena; /* the chunk that holds the top; null: none yet */
static uintptr_t arena_top;
static uint64_t arena_bytes; /* of all chunks, for the report */

static inline uintptr_t chunk_base(const struct chunk *c) {
  return ((uintptr_t)(c + 1) + ARENA_ALIGN - 1) & ~(uintptr_t)(ARENA_ALIGN - 1);
}

static void grow(uint64_t bytes, uint64_t rounded) {
  /* The header, and rounding at both ends. */
  const uint64_t header = sizeof(struct chunk) + 2 * ARENA_ALIGN;
  uint64_t size = __gpuvm_launch.stack_size;
  if (size < header || rounded > size - header)
    size = rounded + header;
  struct chunk *c = size >= rounded ? lk_kalloc((size_t)size) : 0;
  if (!c)
    lk_stack_arrays_exhausted(arena_bytes, bytes);
  c->below = arena;
  c->end = ((uintptr_t)c + size) & ~(uintptr_t)(ARENA_ALIGN - 1);
  arena = c;
  arena_top = c->end;
  arena_bytes += c->end - (uintptr_t)c; /* as a restore subtracts it */
}

void *__gpuvm_arena_alloc(uint64_t bytes) {
  const uint64_t rounded = (bytes + ARENA_ALIGN - 1) & ~(uint64_t)(ARENA_ALIGN - 1);
  if (rounded < bytes) /* rounding wrapped: no heap holds it */
    lk_stack_arrays_exhausted(arena_bytes, bytes);
  if (!arena || arena_top - chunk_base(arena) < rounded)
    grow(bytes, rounded);
  arena_top -= rounded;
  return (void *)arena_top;
}

/* 0 before the first array: the empty arena. */
void *__gpuvm_arena_save(void) {
  return (void *)arena_top;
}

/* To a top that some chunk holds, freeing the chunks above it, or to 0
 * (all but the first chunk freed, which stays for the next array); any
 * other value leaves the arena as it is. */
void __gpuvm_arena_restore(void *top) {
  const uintptr_t at = (uintptr_t)top;
  struct chunk *c = arena;
  while (c && !(at >= chunk_base(c) && at <= c->end))
    c = c->below;
  if (!c && at)
    return;
  while (arena != c && arena->below) {
    struct chunk *above = arena;
    arena = above->below;
    arena_bytes -= above->end - (uintptr_t)above;
    lk_kfree(above);
  }
  arena_top = c ? at : arena ? arena->end : 0;
}
