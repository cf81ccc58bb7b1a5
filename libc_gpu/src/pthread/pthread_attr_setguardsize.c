#include <pthread.h>

int pthread_attr_setguardsize(pthread_attr_t *attr, size_t value) {
  attr->__guard_size = value;
  return 0;
}
