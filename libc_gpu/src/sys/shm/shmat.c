#include <sys/shm.h>

#include "../../__support/no_process.h"

void *shmat(int segment, const void *address, int flags) {
  (void)segment, (void)address, (void)flags;
  return (void *)(long)__no_facility("shmat", "a VM is one process and has no System V IPC");
}
