#include <sys/mman.h>

#include "../../__support/mappings.h"

void *mmap(void *address, size_t length, int protection, int flags, int fd, off_t offset) {
  (void)address; /* a hint; without MAP_FIXED Linux may ignore it too */
  void *start = __mapping_create(length, protection, flags, fd, offset);
  return start ? start : MAP_FAILED;
}
