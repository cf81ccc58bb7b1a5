#include <stdint.h>
#include <stdlib.h>

uint32_t arc4random_uniform(uint32_t bound) {
  if (bound <= 1)
    return 0;
  /* Draws under the smallest all-ones mask that covers bound - 1 and
   * rejects those at or past bound, so that every value below bound is
   * equally likely (a modulo would favour the small ones); each draw is
   * kept with a chance above one half. */
  uint32_t mask = UINT32_MAX >> __builtin_clz(bound - 1);
  for (;;) {
    uint32_t value = arc4random() & mask;
    if (value < bound)
      return value;
  }
}
