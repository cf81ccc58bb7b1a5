#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../__support/thread.h"

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *)) {
  unsigned slot = 0;
  while (slot < __thread_key_capacity && __thread_keys[slot].in_use)
    ++slot;
  if (slot == __thread_key_capacity) {
    if (__thread_key_capacity == PTHREAD_KEYS_MAX)
      return EAGAIN;
    unsigned capacity = __thread_key_capacity ? __thread_key_capacity * 2 : 16;
    struct __thread_key *grown = realloc(__thread_keys, capacity * sizeof *grown);
    if (!grown)
      return ENOMEM;
    memset(grown + __thread_key_capacity, 0, (capacity - __thread_key_capacity) * sizeof *grown);
    __thread_keys = grown;
    __thread_key_capacity = capacity;
  }
  __thread_keys[slot].in_use = 1;
  __thread_keys[slot].destructor = destructor;
  __thread_keys[slot].value = NULL;
  *key = slot;
  return 0;
}
