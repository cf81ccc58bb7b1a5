#include <semaphore.h>

int sem_destroy(sem_t *semaphore) {
  (void)semaphore;
  return 0;
}
