#include <stdlib.h>

#include "../__support/random_state.h"

int rand(void) {
  return __random_next();
}
