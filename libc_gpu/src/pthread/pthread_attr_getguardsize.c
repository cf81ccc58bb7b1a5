#include <pthread.h>

int pthread_attr_getguardsize(const pthread_attr_t *attr, size_t *value) {
  *value = attr->__guard_size;
  return 0;
}
