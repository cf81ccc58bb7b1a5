#include <stdlib.h>

#include "../__support/random_state.h"

void srandom(unsigned seed) {
  __random_seed(seed);
}
