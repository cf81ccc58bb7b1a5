#include "memory.h"

void *__heap_alloc(size_t size);
void __heap_free(void *block);

void *lk_kalloc(size_t size) {
  return __heap_alloc(size);
}

void lk_kfree(void *block) {
  __heap_free(block);
}
