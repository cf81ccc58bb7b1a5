/* A small harness for the host tests: counts cases and prints the first
 * mismatches. */
#ifndef LIBC_GPU_TEST_CHECK_H
#define LIBC_GPU_TEST_CHECK_H

#include <stdint.h>

/* Records one compared case. On a mismatch, prints what was compared, the
 * input, libc_gpu's result and the expected one (glibc's), for the first 20. */
void check_case(int ok, const char *what, const char *input, const char *ours,
                const char *expected);
/* Prints how many cases passed and failed since the last section. */
void check_section(const char *name);
/* Prints "N passed, M failed"; returns the process exit status. */
int check_summary(void);

/* A deterministic generator, so that a failure reproduces. */
uint64_t test_random(void);
uint64_t test_random_below(uint64_t bound);

#endif
