#include <stdint.h>
#include <time.h>

double difftime(time_t end, time_t start) {
  /* end - start may not fit in time_t, but taken as unsigned in the right
   * order it is exact, and converts to the nearest double. */
  if (end >= start)
    return (double)((uint64_t)end - (uint64_t)start);
  return -(double)((uint64_t)start - (uint64_t)end);
}
