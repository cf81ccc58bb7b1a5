/* qsort is qsort_r with the comparison function as the context. */
#include <stdlib.h>

struct plain_comparison {
  int (*compare)(const void *, const void *);
};

static int compare_plainly(const void *a, const void *b, void *context) {
  return ((const struct plain_comparison *)context)->compare(a, b);
}

void qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *)) {
  struct plain_comparison plain = {compare};
  qsort_r(base, count, size, compare_plainly, &plain);
}
