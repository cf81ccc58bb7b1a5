#include <errno.h>
#include <pthread.h>

int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared) {
  if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
    return EINVAL;
  attr->__pshared = (unsigned short)pshared;
  return 0;
}
