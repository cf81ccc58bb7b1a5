#include <pthread.h>

int pthread_attr_getschedpolicy(const pthread_attr_t *attr, int *policy) {
  *policy = attr->__sched_policy;
  return 0;
}
