#include <errno.h>
#include <semaphore.h>

int sem_close(sem_t *semaphore) {
  (void)semaphore;
  /* sem_open never succeeds, so this is no named semaphore. */
  errno = EINVAL;
  return -1;
}
