#include <stdlib.h>

/* glibc's rand_r: three steps of the ANSI C example generator, 11 + 10 + 10
 * bits, so that seeded sequences match Linux. */
int rand_r(unsigned *state) {
  unsigned next = *state;
  unsigned result = 0;
  static const unsigned bits[3] = {11, 10, 10};
  for (int step = 0; step < 3; ++step) {
    next = next * 1103515245u + 12345u;
    result = (result << bits[step]) ^ ((next / 65536u) % (1u << bits[step]));
  }
  *state = next;
  return (int)result;
}
