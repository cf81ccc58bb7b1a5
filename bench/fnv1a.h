/* The hash the benchmarks check every byte they moved with: FNV-1a, eight
 * bytes a step, so that the check costs less than the move. The same
 * program built natively and as VMs must get the same value. */
#ifndef BENCH_FNV1A_H
#define BENCH_FNV1A_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define BENCH_FNV1A_START 0xcbf29ce484222325ull

static inline uint64_t bench_fnv1a(uint64_t hash, const unsigned char *bytes, size_t n) {
  size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    uint64_t word;
    memcpy(&word, bytes + k, 8);
    hash = (hash ^ word) * 0x100000001b3ull;
  }
  for (; k < n; ++k)
    hash = (hash ^ bytes[k]) * 0x100000001b3ull;
  return hash;
}

#endif
