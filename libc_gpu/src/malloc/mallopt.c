#include <malloc.h>

int mallopt(int parameter, int value) {
  /* Nothing here is tunable; the answer is glibc 2.36's, which takes every
   * parameter and refuses only an M_MXFAST past its largest fast bin
   * (compared as size_t, so negative values too). */
  if (parameter == M_MXFAST)
    return (size_t)value <= 80 * sizeof(size_t) / 4;
  return 1;
}
