#include <errno.h>
#include <pthread.h>

/* Accepted, as on Linux; a VM shares no memory with another anyway. */
int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared) {
  if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
    return EINVAL;
  attr->__pshared = (unsigned char)pshared;
  return 0;
}
