#include <stdlib.h>

#include "../__support/heap.h"

void *realloc(void *ptr, size_t size) {
  /* As glibc: realloc(p, 0) frees p and returns NULL. */
  if (ptr && size == 0) {
    __heap_free(ptr);
    return NULL;
  }
  return __heap_realloc(ptr, size);
}
