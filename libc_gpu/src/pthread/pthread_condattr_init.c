#include <pthread.h>

int pthread_condattr_init(pthread_condattr_t *attr) {
  attr->__clock = CLOCK_REALTIME;
  attr->__pshared = PTHREAD_PROCESS_PRIVATE;
  return 0;
}
