#include <stdlib.h>

#include "../__support/random_state.h"

long random(void) {
  return __random_next();
}
