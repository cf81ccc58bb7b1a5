#include <errno.h>
#include <pthread.h>

#include "../__support/thread.h"

int pthread_getaffinity_np(pthread_t thread, size_t size, cpu_set_t *set) {
  if (thread != __THREAD_SELF)
    return ESRCH;
  /* The thread is the VM: its affinity is the VM's. */
  return sched_getaffinity(0, size, set) == 0 ? 0 : errno;
}
