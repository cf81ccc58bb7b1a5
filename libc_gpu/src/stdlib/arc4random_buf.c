#include <stdlib.h>

#include "../__support/random_bytes.h"

void arc4random_buf(void *buffer, size_t size) {
  __random_bytes(buffer, size);
}
