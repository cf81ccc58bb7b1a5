#include <pthread.h>

int pthread_attr_getschedparam(const pthread_attr_t *attr, struct sched_param *param) {
  param->sched_priority = attr->__sched_priority;
  return 0;
}
