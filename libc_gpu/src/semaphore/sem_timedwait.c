#include <semaphore.h>
#include <time.h>

int sem_timedwait(sem_t *semaphore, const struct timespec *deadline) {
  return sem_clockwait(semaphore, CLOCK_REALTIME, deadline);
}
