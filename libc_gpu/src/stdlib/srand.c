#include <stdlib.h>

#include "../__support/random_state.h"

void srand(unsigned seed) {
  __random_seed(seed);
}
