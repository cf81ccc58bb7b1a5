#include <pthread.h>

int pthread_attr_getscope(const pthread_attr_t *attr, int *value) {
  *value = attr->__scope;
  return 0;
}
