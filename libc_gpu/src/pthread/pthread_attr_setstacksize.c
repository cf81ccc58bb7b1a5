#include <errno.h>
#include <pthread.h>

int pthread_attr_setstacksize(pthread_attr_t *attr, size_t value) {
  if (value < PTHREAD_STACK_MIN)
    return EINVAL;
  attr->__stack_size = value;
  return 0;
}
