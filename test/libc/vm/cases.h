/* What each libc test in VMs shares with its glibc build: the slice of the
 * generated cases that this run owns, and the generator itself. With
 * arguments "K N" a run takes the K-th of N contiguous slices, so that the
 * outputs of VMs 0..N-1 put end to end are the output of one run of all
 * cases; without arguments a run takes every case. */
#ifndef LIBC_VM_TEST_CASES_H
#define LIBC_VM_TEST_CASES_H

#include <stdint.h>
#include <stdlib.h>

struct cases {
  unsigned long begin, end;
};

static inline struct cases cases_of(int argc, char **argv, unsigned long total) {
  struct cases all = {0, total};
  if (argc < 3)
    return all;
  unsigned long index = strtoul(argv[1], NULL, 10), count = strtoul(argv[2], NULL, 10);
  if (count == 0 || index >= count)
    return all;
  struct cases mine = {total * index / count, total * (index + 1) / count};
  return mine;
}

/* xorshift64*: the same numbers on every target and C library. */
static inline uint64_t next_random(uint64_t *state) {
  uint64_t x = *state;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  *state = x;
  return x * 0x2545F4914F6CDD1DULL;
}

/* The generator for case `number`, independent of which run owns it. */
static inline uint64_t case_seed(unsigned long number) {
  uint64_t state = 0x9E3779B97F4A7C15ULL * (number + 1);
  next_random(&state);
  return state;
}

#endif
