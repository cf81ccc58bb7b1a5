#include <pthread.h>

int pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *value) {
  *value = attr->__stack_size;
  return 0;
}
