#include <stdlib.h>

#include "../__support/heap.h"

size_t malloc_usable_size(void *ptr) {
  return __heap_usable_size(ptr);
}
