#include <pthread.h>
#include <time.h>

#include "../__support/busy_wait.h"
#include "../__support/mutex.h"

int pthread_mutex_timedlock(pthread_mutex_t *mutex, const struct timespec *deadline) {
  int result = __mutex_take(mutex, EDEADLK);
  if (result != EDEADLK || mutex->__type == PTHREAD_MUTEX_ERRORCHECK)
    return result;
  /* A normal mutex held by its only possible owner: Linux waits out the
   * deadline, and so do we. */
  int invalid = __busy_wait_until(CLOCK_REALTIME, deadline);
  return invalid ? invalid : ETIMEDOUT;
}
