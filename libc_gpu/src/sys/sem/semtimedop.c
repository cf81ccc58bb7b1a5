#include <sys/sem.h>

#include "../../__support/no_process.h"

int semtimedop(int set, struct sembuf *operations, size_t count, const struct timespec *timeout) {
  (void)set, (void)operations, (void)count, (void)timeout;
  return __no_facility("semtimedop", "a VM is one process and has no System V IPC");
}
