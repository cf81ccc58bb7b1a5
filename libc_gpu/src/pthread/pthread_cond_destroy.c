#include <pthread.h>

int pthread_cond_destroy(pthread_cond_t *cond) {
  (void)cond;
  return 0;
}
