#include <pthread.h>

int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *value) {
  *value = attr->__detach_state;
  return 0;
}
