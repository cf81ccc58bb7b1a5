#include <semaphore.h>

#include "../__support/no_process.h"

int sem_unlink(const char *name) {
  (void)name;
  return __no_facility("sem_unlink", "a VM has no shared memory file system (/dev/shm)");
}
