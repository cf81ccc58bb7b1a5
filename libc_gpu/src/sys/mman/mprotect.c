#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>

#include "../../__support/mappings.h"

static int record(struct __mapping *mapping, char *from, size_t length, int protection) {
  (void)from, (void)length;
  mapping->protection = protection;
  return 0;
}

/* Recorded for the whole mapping the range touches (MAP_SHARED write-back
 * follows it); nothing enforces it without an MMU. */
int mprotect(void *address, size_t length, int protection) {
  int error = 0;
  if ((uintptr_t)address % __MAPPING_PAGE || (protection & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
    error = EINVAL;
  else if (length)
    error = __mapping_each(address, length, record, protection);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
