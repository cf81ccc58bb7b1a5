#include <pthread.h>

int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type) {
  *type = attr->__type;
  return 0;
}
