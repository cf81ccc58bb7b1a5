#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>

#include "../../__support/mappings.h"

static int restore_private(struct __mapping *mapping, char *from, size_t length, int unused) {
  (void)unused;
  return mapping->shared ? 0 : __mapping_restore(mapping, from, length);
}

static int take(struct __mapping *mapping, char *from, size_t length, int unused) {
  (void)mapping, (void)from, (void)length, (void)unused;
  return 0;
}

int madvise(void *address, size_t length, int advice) {
  int error = 0;
  if ((uintptr_t)address % __MAPPING_PAGE)
    error = EINVAL;
  else {
    switch (advice) {
    case MADV_DONTNEED:
      error = length ? __mapping_each(address, length, restore_private, 0) : 0;
      break;
    case MADV_NORMAL:
    case MADV_RANDOM:
    case MADV_SEQUENTIAL:
    case MADV_WILLNEED:
    case MADV_FREE:
    case MADV_REMOVE:
    case MADV_DONTFORK:
    case MADV_DOFORK:
    case MADV_MERGEABLE:
    case MADV_UNMERGEABLE:
    case MADV_HUGEPAGE:
    case MADV_NOHUGEPAGE:
    case MADV_DONTDUMP:
    case MADV_DODUMP:
      error = length ? __mapping_each(address, length, take, 0) : 0;
      break;
    default:
      error = EINVAL;
    }
  }
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
