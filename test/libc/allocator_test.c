/* libc_gpu's allocator over a fixed region with guard bytes around it:
 * random malloc/calloc/realloc/aligned_alloc/free patterns, checking that
 * blocks are aligned, inside the region, never overlap and keep their bytes,
 * that exhaustion gives NULL with ENOMEM, that freeing everything merges the
 * region back into one block, that the free byte count the network stack
 * sizes its windows by stays exact, and that nothing outside the region is
 * ever written. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "libc_gpu_host.h"

#define GUARD_SIZE 4096
#define GUARD_BYTE 0xa5
#define MAX_BLOCKS 512

static unsigned char arena[GUARD_SIZE + (1 << 20) + GUARD_SIZE];

struct block {
  unsigned char *data;
  size_t size;
  unsigned char fill;
};

static struct block blocks[MAX_BLOCKS];
static size_t block_count;
static size_t heap_capacity; /* free bytes of the empty heap */
static unsigned char *region_start, *region_end;

static void check(int ok, const char *what, const char *detail) {
  check_case(ok, what, detail, ok ? "" : "wrong", "right");
}

/* A region of `size` bytes at `offset` in the arena, guards all around. */
static void start_region(size_t offset, size_t size) {
  memset(arena, GUARD_BYTE, sizeof arena);
  region_start = arena + GUARD_SIZE + offset;
  region_end = region_start + size;
  __heap_init((char *)region_start, (char *)region_end);
  block_count = 0;
  heap_capacity = __heap_free_bytes();
}

/* Free bytes and live blocks (each with its 16-byte header) add up to the
 * whole heap. */
static void check_free_bytes(const char *when) {
  size_t live = 0;
  for (size_t i = 0; i < block_count; ++i)
    live += libc_gpu_malloc_usable_size(blocks[i].data) + 16;
  check(__heap_free_bytes() + live == heap_capacity, "free bytes + live blocks = the heap", when);
}

static void check_guards(const char *when) {
  int ok = 1;
  for (unsigned char *p = arena; p < region_start && ok; ++p)
    ok = *p == GUARD_BYTE;
  for (unsigned char *p = region_end; p < arena + sizeof arena && ok; ++p)
    ok = *p == GUARD_BYTE;
  check(ok, "guard bytes around the region intact", when);
}

static int block_intact(const struct block *b) {
  for (size_t i = 0; i < b->size; ++i)
    if (b->data[i] != b->fill)
      return 0;
  return 1;
}

/* A new block must be aligned, inside the region and apart from every other. */
static void adopt(void *ptr, size_t size, size_t alignment, const char *how) {
  char detail[96];
  snprintf(detail, sizeof detail, "%s of %zu bytes, alignment %zu", how, size, alignment);
  unsigned char *data = ptr;
  check(((uintptr_t)data & (alignment - 1)) == 0, "block aligned", detail);
  check(data >= region_start && data + size <= region_end, "block inside the region", detail);
  check(libc_gpu_malloc_usable_size(data) >= size, "usable size covers the request", detail);
  int apart = 1;
  for (size_t i = 0; i < block_count && apart; ++i)
    apart = data + size <= blocks[i].data || blocks[i].data + blocks[i].size <= data;
  check(apart, "block overlaps no other", detail);
  struct block b = {data, size, (unsigned char)(1 + test_random_below(254))};
  memset(data, b.fill, size);
  blocks[block_count++] = b;
}

static void release(size_t index) {
  check(block_intact(&blocks[index]), "block kept its bytes until freed", "free");
  libc_gpu_free(blocks[index].data);
  blocks[index] = blocks[--block_count];
}

static size_t random_size(void) {
  switch (test_random_below(4)) {
  case 0:
    return test_random_below(17);
  case 1:
    return test_random_below(300);
  case 2:
    return test_random_below(5000);
  default:
    return test_random_below(60000);
  }
}

static void random_operations(int rounds) {
  for (int round = 0; round < rounds; ++round) {
    uint64_t choice = test_random_below(10);
    if (block_count && (choice < 3 || block_count == MAX_BLOCKS)) {
      release(test_random_below(block_count));
    } else if (block_count && choice < 5) {
      /* realloc keeps the common prefix. */
      size_t index = test_random_below(block_count);
      struct block old = blocks[index];
      size_t size = random_size() + 1;
      unsigned char *moved = libc_gpu_realloc(old.data, size);
      if (!moved) {
        check(libc_gpu_errno == ENOMEM, "failed realloc sets ENOMEM", "realloc");
        check(block_intact(&old), "failed realloc keeps the block", "realloc");
        continue;
      }
      size_t kept = old.size < size ? old.size : size;
      int ok = 1;
      for (size_t i = 0; i < kept && ok; ++i)
        ok = moved[i] == old.fill;
      check(ok, "realloc keeps the bytes", "realloc");
      blocks[index] = blocks[--block_count];
      adopt(moved, size, 16, "realloc");
    } else if (choice < 7) {
      size_t alignment = (size_t)1 << test_random_below(13);
      size_t size = random_size();
      void *ptr = libc_gpu_aligned_alloc(alignment, size);
      if (ptr)
        adopt(ptr, size, alignment, "aligned_alloc");
      else
        check(libc_gpu_errno == ENOMEM, "failed aligned_alloc sets ENOMEM", "aligned_alloc");
    } else if (choice < 8) {
      size_t count = test_random_below(100), size = test_random_below(100);
      unsigned char *ptr = libc_gpu_calloc(count, size);
      if (ptr) {
        int zero = 1;
        for (size_t i = 0; i < count * size && zero; ++i)
          zero = ptr[i] == 0;
        check(zero, "calloc zeroes", "calloc");
        adopt(ptr, count * size, 16, "calloc");
      }
    } else {
      size_t size = random_size();
      libc_gpu_errno = 0;
      void *ptr = libc_gpu_malloc(size);
      if (ptr)
        adopt(ptr, size, 16, "malloc");
      else
        check(libc_gpu_errno == ENOMEM, "failed malloc sets ENOMEM", "malloc");
    }
  }
}

static void release_all(void) {
  while (block_count)
    release(block_count - 1);
}

/* After everything is freed, the region is one free block again: nearly all
 * of it can be had in one piece. */
static void check_merged(size_t region_size, const char *when) {
  size_t overhead = 64;
  void *all = libc_gpu_malloc(region_size - overhead);
  check(all != NULL, "everything freed merges back into one block", when);
  libc_gpu_free(all);
}

static void exhaustion(void) {
  start_region(0, 256 * 1024);
  size_t got = 0;
  for (;;) {
    libc_gpu_errno = 0;
    void *ptr = libc_gpu_malloc(1000);
    if (!ptr) {
      check(libc_gpu_errno == ENOMEM, "exhausted malloc sets ENOMEM", "malloc(1000) until full");
      break;
    }
    adopt(ptr, 1000, 16, "malloc until full");
    if (++got == MAX_BLOCKS) {
      /* The bookkeeping is full before the heap is: free every other block. */
      for (size_t i = block_count; i-- > 0;)
        if (i % 2)
          release(i);
      got = block_count;
    }
  }
  check(block_count > 100, "the heap held many blocks before it ran out", "exhaustion");
  release_all();
  check_merged(256 * 1024, "after exhaustion");
  check_guards("exhaustion");
}

static void edge_cases(void) {
  start_region(0, 64 * 1024);
  void *a = libc_gpu_malloc(0), *b = libc_gpu_malloc(0);
  check(a && b && a != b, "malloc(0) gives distinct blocks", "malloc(0)");
  libc_gpu_free(a);
  libc_gpu_free(b);
  libc_gpu_free(NULL);

  static const size_t huge[] = {SIZE_MAX, SIZE_MAX - 15, SIZE_MAX / 2, 64 * 1024, 1u << 30};
  for (size_t i = 0; i < sizeof huge / sizeof huge[0]; ++i) {
    libc_gpu_errno = 0;
    check(libc_gpu_malloc(huge[i]) == NULL && libc_gpu_errno == ENOMEM, "too big: NULL and ENOMEM",
          "malloc(huge)");
    libc_gpu_errno = 0;
    check(libc_gpu_aligned_alloc(4096, huge[i]) == NULL && libc_gpu_errno == ENOMEM,
          "too big: NULL and ENOMEM", "aligned_alloc(4096, huge)");
    void *p = libc_gpu_malloc(10);
    check(libc_gpu_realloc(p, huge[i]) == NULL, "realloc too big fails", "realloc(p, huge)");
    libc_gpu_free(p);
  }
  libc_gpu_errno = 0;
  check(libc_gpu_calloc(SIZE_MAX / 2, 3) == NULL && libc_gpu_errno == ENOMEM,
        "calloc overflow: NULL and ENOMEM", "calloc(SIZE_MAX / 2, 3)");
  libc_gpu_errno = 0;
  check(libc_gpu_aligned_alloc(24, 10) == NULL && libc_gpu_errno == EINVAL,
        "aligned_alloc needs a power of two", "aligned_alloc(24, 10)");
  void *out = NULL;
  check(libc_gpu_posix_memalign(&out, 12, 10) == EINVAL, "posix_memalign rejects 12",
        "posix_memalign(12)");
  check(libc_gpu_posix_memalign(&out, 256, 10) == 0 && ((uintptr_t)out & 255) == 0,
        "posix_memalign aligns", "posix_memalign(256)");
  libc_gpu_free(out);
  check(libc_gpu_posix_memalign(&out, 256, SIZE_MAX) == ENOMEM, "posix_memalign reports ENOMEM",
        "posix_memalign(256, SIZE_MAX)");
  void *m = libc_gpu_memalign(48, 10);
  check(m && ((uintptr_t)m & 63) == 0, "memalign rounds 48 up to 64", "memalign(48)");
  libc_gpu_free(m);

  void *p = libc_gpu_realloc(NULL, 100);
  check(p != NULL, "realloc(NULL, n) allocates", "realloc(NULL, 100)");
  check(libc_gpu_realloc(p, 0) == NULL, "realloc(p, 0) frees", "realloc(p, 0)");
  check(libc_gpu_malloc_usable_size(NULL) == 0, "usable size of NULL", "malloc_usable_size");
  check_merged(64 * 1024, "after edge cases");
  check_guards("edge cases");

  /* Regions too small for any block, or empty, or misaligned. */
  static const size_t tiny_sizes[] = {0, 1, 15, 31, 47};
  for (size_t i = 0; i < sizeof tiny_sizes / sizeof tiny_sizes[0]; ++i) {
    start_region(3, tiny_sizes[i]);
    libc_gpu_errno = 0;
    check(libc_gpu_malloc(1) == NULL && libc_gpu_errno == ENOMEM, "a tiny region has no room",
          "malloc(1) in a tiny region");
    check_guards("tiny region");
  }
  start_region(7, 1000);
  void *small = libc_gpu_malloc(100);
  check(small != NULL && ((uintptr_t)small & 15) == 0, "a misaligned region still aligns blocks",
        "malloc(100)");
  check_guards("misaligned region");
}

int main(void) {
  edge_cases();
  exhaustion();
  /* Random patterns over regions of several sizes and alignments. */
  static const size_t sizes[] = {4096, 100000, 1 << 20};
  for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; ++s)
    for (size_t offset = 0; offset < 16; offset += 5) {
      size_t size = sizes[s] - (offset ? 16 : 0);
      start_region(offset, size);
      random_operations(20000);
      check_guards("random operations");
      check_free_bytes("after random operations");
      release_all();
      check_free_bytes("after freeing everything");
      /* Alignment may cost the region's start and end. */
      check_merged(size - 32, "after random operations");
      check_guards("after freeing everything");
    }
  return check_summary();
}
