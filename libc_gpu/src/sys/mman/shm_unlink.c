#include <sys/mman.h>

#include "../../__support/no_process.h"

int shm_unlink(const char *name) {
  (void)name;
  return __no_facility("shm_unlink", "a VM has no shared memory file system (/dev/shm)");
}
