#include <sys/shm.h>

#include "../../__support/no_process.h"

int shmdt(const void *address) {
  (void)address;
  return __no_facility("shmdt", "a VM is one process and has no System V IPC");
}
