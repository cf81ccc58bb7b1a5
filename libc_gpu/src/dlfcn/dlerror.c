#include <dlfcn.h>

#include "../__support/dl_error.h"

char *dlerror(void) {
  return __dl_take_error();
}
