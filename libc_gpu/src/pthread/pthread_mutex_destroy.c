#include <errno.h>
#include <pthread.h>

int pthread_mutex_destroy(pthread_mutex_t *mutex) {
  return mutex->__depth ? EBUSY : 0;
}
