#include <sys/mman.h>

#include "../../__support/no_process.h"

int shm_open(const char *name, int flags, mode_t mode) {
  (void)name, (void)flags, (void)mode;
  return __no_facility("shm_open", "a VM has no shared memory file system (/dev/shm)");
}
