#include <sys/sem.h>

#include "../../__support/no_process.h"

int semctl(int set, int number, int command, ...) {
  (void)set, (void)number, (void)command;
  return __no_facility("semctl", "a VM is one process and has no System V IPC");
}
