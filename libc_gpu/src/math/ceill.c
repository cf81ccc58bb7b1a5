#include <math.h>

/* Every long double of magnitude 2^63 or more is an integer (the widest
 * format, x87's, keeps 64 significant bits), as are infinities; a NaN fails
 * both comparisons and comes back as it is. Below, the integer part fits a
 * long long exactly on every target. */
long double ceill(long double x) {
  if (!(x > -0x1p63L && x < 0x1p63L) || x == 0)
    return x;
  long double result = (long double)(long long)x;
  if (result < x)
    result += 1;
  /* ceil of a number in (-1, 0) is -0. */
  return result == 0 && x < 0 ? -0.0L : result;
}
