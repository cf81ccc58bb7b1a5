#include <sys/sem.h>

#include "../../__support/no_process.h"

int semget(key_t key, int count, int flags) {
  (void)key, (void)count, (void)flags;
  return __no_facility("semget", "a VM is one process and has no System V IPC");
}
