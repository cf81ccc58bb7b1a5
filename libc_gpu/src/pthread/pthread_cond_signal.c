#include <pthread.h>

int pthread_cond_signal(pthread_cond_t *cond) {
  (void)cond;
  return 0;
}
