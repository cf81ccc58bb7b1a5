/* Locking a mutex when the caller is the only thread there is: whoever holds
 * a mutex is the caller. */
#ifndef LIBC_GPU_SUPPORT_MUTEX_H
#define LIBC_GPU_SUPPORT_MUTEX_H

#include <errno.h>
#include <pthread.h>

/* 0 when taken. A held mutex: a recursive one counts one more (EAGAIN when
 * the count would overflow); any other kind gives `held` (EDEADLK for lock,
 * EBUSY for trylock, as Linux reports them). */
static inline int __mutex_take(pthread_mutex_t *mutex, int held) {
  if (mutex->__depth == 0) {
    mutex->__depth = 1;
    return 0;
  }
  if (mutex->__type == PTHREAD_MUTEX_RECURSIVE) {
    if (mutex->__depth == ~0u)
      return EAGAIN;
    ++mutex->__depth;
    return 0;
  }
  return held;
}

#endif
