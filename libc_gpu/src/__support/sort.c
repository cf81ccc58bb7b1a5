/* Quicksort without recursion: the larger side waits on a fixed stack while
 * the smaller one is sorted, so the stack never holds more than log2(count)
 * ranges; short ranges finish with insertion sort. Not stable (neither is
 * glibc's promise). */
#include "sort.h"

#define INSERTION_SORT_MAX 12

static void swap_elements(char *a, char *b, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    char t = a[i];
    a[i] = b[i];
    b[i] = t;
  }
}

void __sort(void *base, size_t count, size_t size,
            int (*compare)(const void *, const void *, void *), void *context) {
  if (count < 2 || size == 0)
    return;
  char *array = (char *)base;
#define AT(index) (array + (index)*size)
#define compare_at(a, b) compare(a, b, context)
  struct range {
    size_t low, high; /* inclusive */
  } pending[64];
  size_t depth = 0;
  pending[depth++] = (struct range){0, count - 1};
  while (depth) {
    struct range r = pending[--depth];
    while (r.high - r.low >= INSERTION_SORT_MAX) {
      /* Median of three: afterwards low <= middle <= high, which bounds both scans. */
      size_t middle = r.low + (r.high - r.low) / 2;
      if (compare_at(AT(middle), AT(r.low)) < 0)
        swap_elements(AT(middle), AT(r.low), size);
      if (compare_at(AT(r.high), AT(middle)) < 0) {
        swap_elements(AT(r.high), AT(middle), size);
        if (compare_at(AT(middle), AT(r.low)) < 0)
          swap_elements(AT(middle), AT(r.low), size);
      }
      size_t pivot = r.high - 1;
      swap_elements(AT(middle), AT(pivot), size);
      size_t i = r.low, j = pivot;
      for (;;) {
        while (compare_at(AT(++i), AT(pivot)) < 0)
          ;
        while (compare_at(AT(pivot), AT(--j)) < 0)
          ;
        if (i >= j)
          break;
        swap_elements(AT(i), AT(j), size);
      }
      swap_elements(AT(i), AT(pivot), size);
      /* Now low < i < high and the pivot is in place at i: both sides are non-empty. */
      if (i - r.low > r.high - i) {
        pending[depth++] = (struct range){r.low, i - 1};
        r.low = i + 1;
      } else {
        pending[depth++] = (struct range){i + 1, r.high};
        r.high = i - 1;
      }
    }
    for (size_t i = r.low + 1; i <= r.high; ++i)
      for (size_t j = i; j > r.low && compare_at(AT(j - 1), AT(j)) > 0; --j)
        swap_elements(AT(j - 1), AT(j), size);
  }
#undef AT
#undef compare_at
}
