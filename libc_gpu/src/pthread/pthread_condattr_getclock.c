#include <pthread.h>

int pthread_condattr_getclock(const pthread_condattr_t *attr, clockid_t *clock) {
  *clock = attr->__clock;
  return 0;
}
