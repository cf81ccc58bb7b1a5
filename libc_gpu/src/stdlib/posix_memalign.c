#include <errno.h>
#include <stdlib.h>

#include "../__support/heap.h"

int posix_memalign(void **out, size_t alignment, size_t size) {
  if (alignment % sizeof(void *) || (alignment & (alignment - 1)) || alignment == 0)
    return EINVAL;
  /* Reports through its result, never through errno. */
  int saved_errno = errno;
  void *block = __heap_alloc_aligned(alignment, size);
  errno = saved_errno;
  if (!block)
    return ENOMEM;
  *out = block;
  return 0;
}
