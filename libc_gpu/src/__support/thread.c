#include "thread.h"

#include <stddef.h>

int __thread_cancel_state;
int __thread_cancel_type;
int __thread_cancel_pending;

int __thread_sched_policy;
int __thread_sched_priority;

struct __thread_key *__thread_keys;
unsigned __thread_key_capacity;

void __thread_keys_run_destructors(void) {
  for (int round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; ++round) {
    int ran = 0;
    for (unsigned i = 0; i < __thread_key_capacity; ++i) {
      struct __thread_key *key = &__thread_keys[i];
      if (!key->in_use || !key->destructor || !key->value)
        continue;
      void *value = key->value;
      key->value = NULL;
      key->destructor(value);
      ran = 1;
    }
    if (!ran)
      return;
  }
}
