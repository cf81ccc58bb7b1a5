#include <dlfcn.h>
#include <stddef.h>

#include "../__support/dl_error.h"

void *dlsym(void *handle, const char *name) {
  (void)handle;
  __dl_fail("dlsym", name);
  return NULL;
}
