/* Entries from a second file join the same section. */
#include "entries.h"

static int negate(int x) {
  return -x;
}
REGISTER(negate, negate, 3);
