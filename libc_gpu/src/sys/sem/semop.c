#include <sys/sem.h>

#include "../../__support/no_process.h"

int semop(int set, struct sembuf *operations, size_t count) {
  (void)set, (void)operations, (void)count;
  return __no_facility("semop", "a VM is one process and has no System V IPC");
}
