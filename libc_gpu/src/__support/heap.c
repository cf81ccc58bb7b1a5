/* A boundary-tag allocator over the VM's heap region.
 *
 * The heap is a row of chunks from the region's start to an end sentinel.
 * Each chunk starts with a 16-byte header: the previous chunk's size (valid
 * only while that chunk is free: it is the free chunk's footer) and this
 * chunk's size with two flags. Free chunks sit in size-segregated lists and
 * are merged with free neighbours as soon as they are freed, so two free
 * chunks are never adjacent. A request takes the first chunk that fits,
 * searching from the smallest list that can hold it.
 *
 * All state is plain globals: the compiler makes them per VM, so each VM has
 * its own heap in its own slice and no locks are needed. */
#include "heap.h"

#include "fatal.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <lightkernel/syscall.h>

#define CHUNK_IN_USE ((size_t)1)
#define CHUNK_PREV_IN_USE ((size_t)2)
#define CHUNK_FLAGS ((size_t)(HEAP_ALIGNMENT - 1))

#define HEADER_SIZE ((size_t)16)
/* A free chunk must hold its header and its two list links. */
#define MIN_CHUNK ((size_t)32)

/* Exact-size lists for small chunks (32, 48, ... 784 bytes), then one list per
 * power of two; the last list takes everything from 16 MiB up. */
#define EXACT_BINS 48
#define BIN_COUNT 64

struct chunk {
  size_t prev_size;
  size_t size_flags;
  /* Only while free: */
  struct chunk *next_free;
  struct chunk *prev_free;
};

_Static_assert(sizeof(struct chunk) == MIN_CHUNK, "free chunk layout");
_Static_assert(HEADER_SIZE % HEAP_ALIGNMENT == 0, "payloads keep the chunk's alignment");

static struct {
  char *start;            /* the first chunk; NULL when there is no usable heap */
  struct chunk *sentinel; /* the end: an in-use chunk of size 0 */
  uint64_t nonempty_bins; /* bit i set when bins[i] has a chunk */
  size_t free_bytes;      /* in free chunks, headers included */
  size_t total_bytes;     /* free_bytes when nothing is in use */
  size_t least_free;      /* the lowest free_bytes after an allocation */
  struct chunk *bins[BIN_COUNT];
  int ready;
} heap;

static size_t chunk_size(const struct chunk *c) {
  return c->size_flags & ~CHUNK_FLAGS;
}
static int chunk_in_use(const struct chunk *c) {
  return (c->size_flags & CHUNK_IN_USE) != 0;
}
static struct chunk *chunk_at(void *p) {
  return (struct chunk *)p;
}
static struct chunk *next_chunk(struct chunk *c) {
  return chunk_at((char *)c + chunk_size(c));
}
static struct chunk *prev_chunk(struct chunk *c) {
  return chunk_at((char *)c - c->prev_size);
}
static void *payload_of(struct chunk *c) {
  return (char *)c + HEADER_SIZE;
}
static struct chunk *chunk_of(void *payload) {
  return chunk_at((char *)payload - HEADER_SIZE);
}

static unsigned bin_index(size_t size) {
  if (size < MIN_CHUNK + EXACT_BINS * HEAP_ALIGNMENT)
    return (unsigned)((size - MIN_CHUNK) / HEAP_ALIGNMENT);
  /* Sizes from 800 up: 800..1023 share the first power-of-two list with 512..799. */
  unsigned log2 = 63u - (unsigned)__builtin_clzll((unsigned long long)size);
  unsigned bin = EXACT_BINS + (log2 - 9);
  return bin < BIN_COUNT ? bin : BIN_COUNT - 1;
}

static void bin_insert(struct chunk *c) {
  unsigned bin = bin_index(chunk_size(c));
  c->prev_free = NULL;
  c->next_free = heap.bins[bin];
  if (c->next_free)
    c->next_free->prev_free = c;
  heap.bins[bin] = c;
  heap.nonempty_bins |= 1ull << bin;
  heap.free_bytes += chunk_size(c);
}

static void bin_remove(struct chunk *c) {
  unsigned bin = bin_index(chunk_size(c));
  if (c->prev_free)
    c->prev_free->next_free = c->next_free;
  else
    heap.bins[bin] = c->next_free;
  if (c->next_free)
    c->next_free->prev_free = c->prev_free;
  if (!heap.bins[bin])
    heap.nonempty_bins &= ~(1ull << bin);
  heap.free_bytes -= chunk_size(c);
}

/* Writes the header of a chunk and tells its successor whether it is in use. */
static void set_chunk(struct chunk *c, size_t size, int in_use) {
  c->size_flags = size | (c->size_flags & CHUNK_PREV_IN_USE) | (in_use ? CHUNK_IN_USE : 0);
  struct chunk *next = next_chunk(c);
  if (in_use) {
    next->size_flags |= CHUNK_PREV_IN_USE;
  } else {
    next->size_flags &= ~CHUNK_PREV_IN_USE;
    next->prev_size = size;
  }
}

/* Frees c (not yet in any list), merging it with free neighbours. */
static void release_chunk(struct chunk *c) {
  size_t size = chunk_size(c);
  struct chunk *next = chunk_at((char *)c + size);
  if (!chunk_in_use(next)) {
    bin_remove(next);
    size += chunk_size(next);
  }
  if (!(c->size_flags & CHUNK_PREV_IN_USE)) {
    struct chunk *prev = prev_chunk(c);
    bin_remove(prev);
    size += chunk_size(prev);
    c = prev;
  }
  set_chunk(c, size, 0);
  bin_insert(c);
}

/* Cuts an in-use chunk down to `size`, freeing the tail when it can stand alone. */
static void trim_chunk(struct chunk *c, size_t size) {
  size_t have = chunk_size(c);
  if (have - size < MIN_CHUNK)
    return;
  set_chunk(c, size, 1);
  struct chunk *tail = next_chunk(c);
  tail->size_flags = CHUNK_PREV_IN_USE;
  set_chunk(tail, have - size, 1);
  release_chunk(tail);
}

/* The chunk size that holds `size` payload bytes, or 0 when no heap could. */
static size_t chunk_size_for(size_t size) {
  size_t capacity = heap.start ? (size_t)((char *)heap.sentinel - heap.start) : 0;
  if (size > capacity)
    return 0;
  size_t need = (size + HEADER_SIZE + HEAP_ALIGNMENT - 1) & ~(size_t)(HEAP_ALIGNMENT - 1);
  return need < MIN_CHUNK ? MIN_CHUNK : need;
}

/* Takes the first free chunk of at least `size` bytes out of the lists. */
static struct chunk *take_chunk(size_t size) {
  unsigned bin = bin_index(size);
  /* The first possible list may hold smaller chunks: look through it. */
  for (struct chunk *c = heap.bins[bin]; c; c = c->next_free) {
    if (chunk_size(c) >= size) {
      bin_remove(c);
      return c;
    }
  }
  /* Every chunk in a later list is big enough. */
  uint64_t later = bin + 1 < BIN_COUNT ? heap.nonempty_bins & (~0ull << (bin + 1)) : 0;
  if (!later)
    return NULL;
  struct chunk *c = heap.bins[__builtin_ctzll(later)];
  bin_remove(c);
  return c;
}

static void lazy_init(void) {
  if (heap.ready)
    return;
  char *start, *end;
  lk_heap_region(&start, &end);
  __heap_init(start, end);
}

void __heap_init(char *start, char *end) {
  for (unsigned i = 0; i < BIN_COUNT; ++i)
    heap.bins[i] = NULL;
  heap.nonempty_bins = 0;
  heap.free_bytes = heap.total_bytes = heap.least_free = 0;
  heap.start = NULL;
  heap.sentinel = NULL;
  heap.ready = 1;

  uintptr_t first = ((uintptr_t)start + HEAP_ALIGNMENT - 1) & ~(uintptr_t)(HEAP_ALIGNMENT - 1);
  uintptr_t last = (uintptr_t)end & ~(uintptr_t)(HEAP_ALIGNMENT - 1);
  if (!start || first < (uintptr_t)start || last < first || last - first < MIN_CHUNK + HEADER_SIZE)
    return;
  size_t size = (size_t)(last - first) - HEADER_SIZE;
  struct chunk *c = chunk_at((char *)first);
  heap.start = (char *)first;
  heap.sentinel = chunk_at((char *)first + size);
  heap.sentinel->size_flags = CHUNK_IN_USE;
  /* There is nothing before the first chunk to merge with. */
  c->size_flags = CHUNK_PREV_IN_USE;
  set_chunk(c, size, 0);
  bin_insert(c);
  heap.total_bytes = heap.least_free = heap.free_bytes;
}

/* After an allocation, when the lists are whole again (a merge or split
 * on the way moves free_bytes below what is really free). */
static void note_peak(void) {
  if (heap.free_bytes < heap.least_free)
    heap.least_free = heap.free_bytes;
}

void *__heap_alloc(size_t size) {
  lazy_init();
  size_t need = chunk_size_for(size);
  struct chunk *c = need ? take_chunk(need) : NULL;
  if (!c) {
    errno = ENOMEM;
    return NULL;
  }
  set_chunk(c, chunk_size(c), 1);
  trim_chunk(c, need);
  note_peak();
  return payload_of(c);
}

void *__heap_alloc_aligned(size_t alignment, size_t size) {
  if (alignment <= HEAP_ALIGNMENT)
    return __heap_alloc(size);
  lazy_init();
  size_t need = chunk_size_for(size);
  /* Room to slide the payload to an aligned address with a free chunk before it. */
  size_t capacity = heap.start ? (size_t)((char *)heap.sentinel - heap.start) : 0;
  struct chunk *c = NULL;
  if (need && alignment < capacity && capacity - alignment >= MIN_CHUNK &&
      need <= capacity - alignment - MIN_CHUNK)
    c = take_chunk(need + alignment + MIN_CHUNK);
  if (!c) {
    errno = ENOMEM;
    return NULL;
  }
  set_chunk(c, chunk_size(c), 1);
  uintptr_t payload = (uintptr_t)payload_of(c);
  uintptr_t aligned = (payload + alignment - 1) & ~(uintptr_t)(alignment - 1);
  if (aligned != payload) {
    /* The chunk before an aligned payload must be big enough to be free on its own. */
    if (aligned - payload < MIN_CHUNK)
      aligned += alignment;
    size_t lead = (size_t)(aligned - payload);
    size_t rest = chunk_size(c) - lead;
    struct chunk *body = chunk_at((char *)c + lead);
    set_chunk(c, lead, 1);
    body->size_flags = CHUNK_PREV_IN_USE;
    set_chunk(body, rest, 1);
    release_chunk(c);
    c = body;
  }
  trim_chunk(c, need);
  note_peak();
  return payload_of(c);
}

/* The chunk of a live block, or an abort: freeing a bad pointer must not let
 * the allocator write anywhere it should not. */
/* Ends the VM for a pointer that no allocation returned, in glibc's words
 * ("free(): invalid pointer") followed by the pointer and what is wrong with
 * it, which is where debugging starts. */
static _Noreturn void bad_pointer(const char *call, const void *ptr, const char *problem) {
  char message[160]; /* snprintf takes nothing from the heap */
  snprintf(message, sizeof message, "%s(): invalid pointer %p (%s)\n", call, ptr, problem);
  __libc_fatal(message);
}

static struct chunk *checked_chunk(void *ptr, const char *call) {
  uintptr_t p = (uintptr_t)ptr;
  if (!heap.start || p < (uintptr_t)heap.start + HEADER_SIZE || p >= (uintptr_t)heap.sentinel)
    bad_pointer(call, ptr, "not in the heap");
  if (p % HEAP_ALIGNMENT)
    bad_pointer(call, ptr, "not where an allocation starts");
  struct chunk *c = chunk_of(ptr);
  size_t size = chunk_size(c);
  if (size < MIN_CHUNK || size > (uintptr_t)heap.sentinel - (uintptr_t)c)
    bad_pointer(call, ptr,
                "not where an allocation starts, or the header before it is overwritten");
  if (!chunk_in_use(c))
    bad_pointer(call, ptr, "freed already, or not where an allocation starts");
  if (!(next_chunk(c)->size_flags & CHUNK_PREV_IN_USE))
    bad_pointer(call, ptr, "the header after it is overwritten");
  return c;
}

void __heap_free(void *ptr) {
  if (!ptr)
    return;
  release_chunk(checked_chunk(ptr, "free"));
}

void *__heap_realloc(void *ptr, size_t size) {
  if (!ptr)
    return __heap_alloc(size);
  struct chunk *c = checked_chunk(ptr, "realloc");
  size_t need = chunk_size_for(size);
  if (!need) {
    errno = ENOMEM;
    return NULL;
  }
  size_t have = chunk_size(c);
  if (need <= have) {
    trim_chunk(c, need);
    return ptr;
  }
  struct chunk *next = next_chunk(c);
  if (!chunk_in_use(next) && have + chunk_size(next) >= need) {
    bin_remove(next);
    set_chunk(c, have + chunk_size(next), 1);
    trim_chunk(c, need);
    note_peak();
    return ptr;
  }
  void *moved = __heap_alloc(size);
  if (!moved)
    return NULL;
  memcpy(moved, ptr, have - HEADER_SIZE);
  release_chunk(c);
  return moved;
}

size_t __heap_free_bytes(void) {
  lazy_init();
  return heap.free_bytes;
}

size_t __heap_peak_bytes(void) {
  lazy_init();
  return heap.total_bytes - heap.least_free;
}

size_t __heap_total_bytes(void) {
  lazy_init();
  return heap.total_bytes;
}

size_t __heap_free_chunks(void) {
  lazy_init();
  size_t count = 0;
  for (unsigned i = 0; i < BIN_COUNT; ++i)
    for (struct chunk *c = heap.bins[i]; c; c = c->next_free)
      ++count;
  return count;
}

size_t __heap_usable_size(void *ptr) {
  if (!ptr)
    return 0;
  return chunk_size(checked_chunk(ptr, "malloc_usable_size")) - HEADER_SIZE;
}
