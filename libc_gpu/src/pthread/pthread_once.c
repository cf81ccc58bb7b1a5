#include <errno.h>
#include <pthread.h>

enum { ONCE_NOT_RUN = 0, ONCE_RUNNING = 1, ONCE_DONE = 2 };

int pthread_once(pthread_once_t *once, void (*init)(void)) {
  if (*once == ONCE_DONE)
    return 0;
  /* init calling pthread_once on the same object: Linux would hang. */
  if (*once == ONCE_RUNNING)
    return EDEADLK;
  *once = ONCE_RUNNING;
  init();
  *once = ONCE_DONE;
  return 0;
}
