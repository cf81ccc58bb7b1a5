#include <stdlib.h>

#include "../__support/heap.h"

void *malloc(size_t size) {
  return __heap_alloc(size);
}
