#include <errno.h>
#include <stdlib.h>

#include "../__support/heap.h"

void *memalign(size_t alignment, size_t size) {
  /* As glibc: an alignment that is not a power of two is rounded up to one. */
  if (alignment & (alignment - 1)) {
    if (alignment > ((size_t)-1 >> 1) + 1) {
      errno = EINVAL;
      return NULL;
    }
    size_t power = 1;
    while (power < alignment)
      power <<= 1;
    alignment = power;
  }
  return __heap_alloc_aligned(alignment, size);
}
