#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../__support/heap.h"

void *calloc(size_t count, size_t size) {
  size_t total;
  if (__builtin_mul_overflow(count, size, &total)) {
    errno = ENOMEM;
    return NULL;
  }
  void *block = __heap_alloc(total);
  /* A freed block keeps its old bytes: zero it. */
  return block ? memset(block, 0, total) : NULL;
}
