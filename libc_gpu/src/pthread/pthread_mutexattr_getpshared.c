#include <pthread.h>

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *attr, int *pshared) {
  *pshared = attr->__pshared;
  return 0;
}
