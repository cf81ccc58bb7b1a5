#include <sys/msg.h>

#include "../../__support/no_process.h"

int msgget(key_t key, int flags) {
  (void)key, (void)flags;
  return __no_facility("msgget", "a VM is one process and has no System V IPC");
}
