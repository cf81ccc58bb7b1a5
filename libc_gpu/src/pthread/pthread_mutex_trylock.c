#include <pthread.h>

#include "../__support/mutex.h"

int pthread_mutex_trylock(pthread_mutex_t *mutex) {
  return __mutex_take(mutex, EBUSY);
}
