#include <sys/msg.h>

#include "../../__support/no_process.h"

ssize_t msgrcv(int queue, void *message, size_t size, long type, int flags) {
  (void)queue, (void)message, (void)size, (void)type, (void)flags;
  return __no_facility("msgrcv", "a VM is one process and has no System V IPC");
}
