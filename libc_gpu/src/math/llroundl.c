#include <limits.h>
#include <math.h>

/* Halves away from zero. A number outside the long long range (or a NaN)
 * gives LLONG_MIN, as x86's conversion and glibc there do. Within it, the
 * fraction x - trunc(x) is exact, and no number near 2^63 has one, so the
 * step never overflows. */
long long llroundl(long double x) {
  if (!(x >= -0x1p63L && x < 0x1p63L))
    return LLONG_MIN;
  long long whole = (long long)x;
  long double fraction = x - (long double)whole;
  if (fraction >= 0.5L)
    ++whole;
  else if (fraction <= -0.5L)
    --whole;
  return whole;
}
