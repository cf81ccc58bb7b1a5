#include <errno.h>
#include <pthread.h>

int pthread_mutex_unlock(pthread_mutex_t *mutex) {
  if (mutex->__depth == 0)
    /* glibc lets a normal mutex be "unlocked" twice; the checking kinds
     * report that the caller does not own it. */
    return mutex->__type == PTHREAD_MUTEX_NORMAL ? 0 : EPERM;
  --mutex->__depth;
  return 0;
}
