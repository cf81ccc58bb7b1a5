#include <errno.h>
#include <semaphore.h>

#include "../__support/semaphore_wait.h"

int sem_clockwait(sem_t *semaphore, clockid_t clock, const struct timespec *deadline) {
  int error = EINVAL;
  /* glibc checks the clock and the deadline before it looks at the value. */
  if ((clock == CLOCK_REALTIME || clock == CLOCK_MONOTONIC) && deadline->tv_nsec >= 0 &&
      deadline->tv_nsec < 1000000000)
    error = __semaphore_wait(semaphore, clock, deadline);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
