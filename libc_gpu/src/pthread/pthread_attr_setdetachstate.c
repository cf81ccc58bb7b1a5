#include <errno.h>
#include <pthread.h>

int pthread_attr_setdetachstate(pthread_attr_t *attr, int value) {
  if (value != PTHREAD_CREATE_JOINABLE && value != PTHREAD_CREATE_DETACHED)
    return EINVAL;
  attr->__detach_state = value;
  return 0;
}
