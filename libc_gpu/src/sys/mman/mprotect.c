#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>

#include "../../__support/mappings.h"

static int refuse_writes_in_place(struct __mapping *mapping, char *from, size_t length,
                                  int protection) {
  (void)from, (void)length;
  return (protection & PROT_WRITE) && __mapping_in_place(mapping) ? EACCES : 0;
}

static int record(struct __mapping *mapping, char *from, size_t length, int protection) {
  (void)from, (void)length;
  mapping->protection = protection;
  return 0;
}

/* Recorded for the whole mapping the range touches (MAP_SHARED write-back
 * follows it); nothing enforces it without an MMU. A data-set file mapped
 * in place is every VM's: it cannot become writable (EACCES). */
int mprotect(void *address, size_t length, int protection) {
  int error = 0;
  if ((uintptr_t)address % __MAPPING_PAGE || (protection & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
    error = EINVAL;
  else if (length)
    error = __mapping_each(address, length, refuse_writes_in_place, protection);
  if (!error && length)
    error = __mapping_each(address, length, record, protection);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
