#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>

#include "../../__support/mappings.h"

int munmap(void *address, size_t length) {
  int error =
      !length || (uintptr_t)address % __MAPPING_PAGE ? EINVAL : __mapping_remove(address, length);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
