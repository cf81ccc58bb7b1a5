#include <pthread.h>
#include <string.h>

int pthread_attr_init(pthread_attr_t *attr) {
  memset(attr, 0, sizeof *attr);
  attr->__detach_state = PTHREAD_CREATE_JOINABLE;
  attr->__scope = PTHREAD_SCOPE_SYSTEM;
  /* Linux's defaults on x86-64: 8 MiB of stack, one page of guard. */
  attr->__stack_size = 8u << 20;
  attr->__guard_size = 4096;
  return 0;
}
