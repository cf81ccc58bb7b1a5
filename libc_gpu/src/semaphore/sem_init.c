#include <errno.h>
#include <semaphore.h>
#include <string.h>

int sem_init(sem_t *semaphore, int pshared, unsigned int value) {
  if (value > SEM_VALUE_MAX) {
    errno = EINVAL;
    return -1;
  }
  memset(semaphore, 0, sizeof *semaphore);
  semaphore->__value = value;
  /* A VM is one process: a shared semaphore is shared with itself. */
  semaphore->__pshared = pshared != 0;
  return 0;
}
