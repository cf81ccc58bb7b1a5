#include <stdint.h>
#include <stdlib.h>

#include "../__support/random_bytes.h"

uint32_t arc4random(void) {
  uint32_t value;
  __random_bytes(&value, sizeof value);
  return value;
}
