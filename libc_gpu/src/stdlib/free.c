#include <stdlib.h>

#include "../__support/heap.h"

void free(void *ptr) {
  __heap_free(ptr);
}
