#include <sys/msg.h>

#include "../../__support/no_process.h"

int msgctl(int queue, int command, struct msqid_ds *status) {
  (void)queue, (void)command, (void)status;
  return __no_facility("msgctl", "a VM is one process and has no System V IPC");
}
