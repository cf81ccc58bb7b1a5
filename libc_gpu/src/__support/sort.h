/* The sort behind qsort and qsort_r, under a name a program cannot take: a
 * program may define its own qsort_r (a portability fallback, maybe BSD's
 * argument order), which must not become qsort's. */
#ifndef LIBC_GPU_SUPPORT_SORT_H
#define LIBC_GPU_SUPPORT_SORT_H

#include <stddef.h>

void __sort(void *base, size_t count, size_t size,
            int (*compare)(const void *, const void *, void *), void *context);

#endif
