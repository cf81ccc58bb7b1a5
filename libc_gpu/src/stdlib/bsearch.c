#include <stdlib.h>

void *bsearch(const void *key, const void *base, size_t count, size_t size,
              int (*compare)(const void *, const void *)) {
  const char *array = (const char *)base;
  while (count) {
    size_t half = count / 2;
    const char *middle = array + half * size;
    int order = compare(key, middle);
    if (order == 0)
      return (void *)middle;
    if (order > 0) {
      array = middle + size;
      count -= half + 1;
    } else {
      count = half;
    }
  }
  return NULL;
}
