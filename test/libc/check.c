#include "check.h"

#include <stdio.h>

#define MAX_REPORTED_MISMATCHES 20

static long passed;
static long failed;

void check_case(int ok, const char *what, const char *input, const char *ours,
                const char *expected) {
  if (ok) {
    ++passed;
    return;
  }
  if (failed++ < MAX_REPORTED_MISMATCHES)
    printf("MISMATCH %s: input %s\n  ours:   %s\n  glibc:  %s\n", what, input, ours, expected);
}

static long section_passed;
static long section_failed;

void check_section(const char *name) {
  printf("%s: %ld cases, %ld failed\n", name, passed + failed - section_passed - section_failed,
         failed - section_failed);
  section_passed = passed;
  section_failed = failed;
}

int check_summary(void) {
  printf("%ld passed, %ld failed\n", passed, failed);
  return failed ? 1 : 0;
}

static uint64_t random_state = 0x9e3779b97f4a7c15ull;

/* splitmix64 */
uint64_t test_random(void) {
  uint64_t z = (random_state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

uint64_t test_random_below(uint64_t bound) {
  return bound ? test_random() % bound : 0;
}
