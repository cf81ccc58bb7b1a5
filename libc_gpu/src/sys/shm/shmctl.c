#include <sys/shm.h>

#include "../../__support/no_process.h"

int shmctl(int segment, int command, struct shmid_ds *status) {
  (void)segment, (void)command, (void)status;
  return __no_facility("shmctl", "a VM is one process and has no System V IPC");
}
