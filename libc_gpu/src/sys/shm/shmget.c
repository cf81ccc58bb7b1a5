#include <sys/shm.h>

#include "../../__support/no_process.h"

int shmget(key_t key, size_t size, int flags) {
  (void)key, (void)size, (void)flags;
  return __no_facility("shmget", "a VM is one process and has no System V IPC");
}
