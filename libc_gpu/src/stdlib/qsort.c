/* The context-passing sort, with the comparison function as the context. */
#include <stdlib.h>

#include "../__support/sort.h"

struct plain_comparison {
  int (*compare)(const void *, const void *);
};

static int compare_plainly(const void *a, const void *b, void *context) {
  return ((const struct plain_comparison *)context)->compare(a, b);
}

void qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *)) {
  struct plain_comparison plain = {compare};
  __sort(base, count, size, compare_plainly, &plain);
}
