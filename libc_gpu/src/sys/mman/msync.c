#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>

#include "../../__support/mappings.h"

static int write_back(struct __mapping *mapping, char *from, size_t length, int sync) {
  return __mapping_write_back(mapping, from, length, sync);
}

int msync(void *address, size_t length, int flags) {
  int error = 0;
  if ((uintptr_t)address % __MAPPING_PAGE || (flags & ~(MS_ASYNC | MS_SYNC | MS_INVALIDATE)) ||
      ((flags & MS_ASYNC) && (flags & MS_SYNC)))
    error = EINVAL;
  else if (length)
    error = __mapping_each(address, length, write_back, (flags & MS_SYNC) != 0);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
