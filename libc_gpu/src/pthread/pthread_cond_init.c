#include <pthread.h>
#include <string.h>

int pthread_cond_init(pthread_cond_t *cond, const pthread_condattr_t *attr) {
  memset(cond, 0, sizeof *cond);
  cond->__clock = attr ? attr->__clock : CLOCK_REALTIME;
  cond->__pshared = attr ? attr->__pshared : PTHREAD_PROCESS_PRIVATE;
  return 0;
}
