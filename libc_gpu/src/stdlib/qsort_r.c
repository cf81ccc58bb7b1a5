#include <stdlib.h>

#include "../__support/sort.h"

/* GNU's argument order: the context comes last. */
void qsort_r(void *base, size_t count, size_t size,
             int (*compare)(const void *, const void *, void *), void *context) {
  __sort(base, count, size, compare, context);
}
