#include <errno.h>
#include <semaphore.h>

int sem_trywait(sem_t *semaphore) {
  if (semaphore->__value == 0) {
    errno = EAGAIN;
    return -1;
  }
  --semaphore->__value;
  return 0;
}
