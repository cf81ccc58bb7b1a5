#include <sys/msg.h>

#include "../../__support/no_process.h"

int msgsnd(int queue, const void *message, size_t size, int flags) {
  (void)queue, (void)message, (void)size, (void)flags;
  return __no_facility("msgsnd", "a VM is one process and has no System V IPC");
}
