#include <dlfcn.h>
#include <stddef.h>

#include "../__support/dl_error.h"

/* No handle was ever given out: whatever this is, it is not one. */
int dlclose(void *handle) {
  (void)handle;
  __dl_fail("dlclose", NULL);
  return -1;
}
