#include "memory.h"

void *__heap_alloc(size_t size);
void __heap_free(void *block);
size_t __heap_free_bytes(void);

void *lk_kalloc(size_t size) {
  return __heap_alloc(size);
}

void lk_kfree(void *block) {
  __heap_free(block);
}

size_t lk_kmemory_free(void) {
  return __heap_free_bytes();
}
