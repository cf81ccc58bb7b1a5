#include <errno.h>
#include <semaphore.h>

int sem_post(sem_t *semaphore) {
  if (semaphore->__value >= SEM_VALUE_MAX) {
    errno = EOVERFLOW;
    return -1;
  }
  ++semaphore->__value;
  return 0;
}
