#include <dlfcn.h>
#include <stddef.h>

#include "../__support/dl_error.h"

void *dlopen(const char *file, int mode) {
  (void)mode;
  __dl_fail("dlopen", file);
  return NULL;
}
