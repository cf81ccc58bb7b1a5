#include <errno.h>
#include <pthread.h>

#include <lightkernel/syscall.h>

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *),
                   void *argument) {
  (void)thread, (void)attr, (void)start, (void)argument;
  static const char message[] =
      "pthread_create: a gpuvm VM is single-threaded; no thread created\n";
  lk_write(2, message, sizeof message - 1);
  return EAGAIN;
}
