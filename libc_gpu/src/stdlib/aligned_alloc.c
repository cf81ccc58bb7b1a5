#include <errno.h>
#include <stdlib.h>

#include "../__support/heap.h"

void *aligned_alloc(size_t alignment, size_t size) {
  /* As glibc 2.38 and later: the alignment must be a power of two. */
  if (alignment == 0 || (alignment & (alignment - 1))) {
    errno = EINVAL;
    return NULL;
  }
  return __heap_alloc_aligned(alignment, size);
}
