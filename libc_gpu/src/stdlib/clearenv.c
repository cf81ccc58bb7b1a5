#include <stdlib.h>

#include "../__support/environ.h"

int clearenv(void) {
  __env_clear();
  return 0;
}
