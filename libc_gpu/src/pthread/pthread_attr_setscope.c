#include <errno.h>
#include <pthread.h>

int pthread_attr_setscope(pthread_attr_t *attr, int value) {
  if (value != PTHREAD_SCOPE_SYSTEM && value != PTHREAD_SCOPE_PROCESS)
    return EINVAL;
  /* Linux supports only system scope. */
  if (value == PTHREAD_SCOPE_PROCESS)
    return ENOTSUP;
  attr->__scope = value;
  return 0;
}
