#include <stdlib.h>

#include "../__support/environ.h"

int unsetenv(const char *name) {
  size_t length;
  if (!__env_valid_name(name, &length))
    return -1;
  __env_remove(name, length);
  return 0;
}
