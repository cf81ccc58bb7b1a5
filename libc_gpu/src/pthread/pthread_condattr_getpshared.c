#include <pthread.h>

int pthread_condattr_getpshared(const pthread_condattr_t *attr, int *pshared) {
  *pshared = attr->__pshared;
  return 0;
}
