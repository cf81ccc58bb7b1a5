#include <errno.h>
#include <semaphore.h>

#include "../__support/semaphore_wait.h"

int sem_wait(sem_t *semaphore) {
  int error = __semaphore_wait(semaphore, CLOCK_REALTIME, NULL);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
