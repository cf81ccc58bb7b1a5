// What confinement costs a server's ordinary work: sorting, hashing, a hash
// map of strings, copies between buffers; every access through a pointer is
// one the compiler checks (bench/confine/run). argv[1]: rounds. Prints the
// rounds, the seconds they took, a hash of every result (the same on every
// target) and the wall-clock start and end in ns.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <unordered_map>
#include <vector>

#include "../fnv1a.h"

static int64_t now_ns(clockid_t clock) {
  timespec t;
  clock_gettime(clock, &t);
  return int64_t(t.tv_sec) * 1000000000 + t.tv_nsec;
}

int main(int argc, char **argv) {
  const long rounds = argc > 1 ? std::atol(argv[1]) : 10;
  const int64_t from = now_ns(CLOCK_REALTIME), start = now_ns(CLOCK_MONOTONIC);
  uint64_t hash = BENCH_FNV1A_START;
  std::vector<uint32_t> numbers(4096);
  std::vector<unsigned char> a(16384), b(16384);
  uint32_t seed = 12345;
  for (long round = 0; round < rounds; ++round) {
    for (uint32_t &n : numbers)
      n = seed = seed * 1664525u + 1013904223u;
    std::sort(numbers.begin(), numbers.end());
    std::unordered_map<uint32_t, std::string> names;
    for (size_t i = 0; i < 512; ++i) {
      char text[32];
      std::snprintf(text, sizeof text, "item-%u", numbers[i * 8] % 100000);
      names[numbers[i * 8] % 1024] = text;
    }
    for (uint32_t key = 0; key < 1024; ++key)
      if (auto found = names.find(key); found != names.end())
        hash = bench_fnv1a(hash, reinterpret_cast<const unsigned char *>(found->second.data()),
                           found->second.size());
    for (size_t i = 0; i < a.size(); ++i)
      a[i] = static_cast<unsigned char>(numbers[i % numbers.size()] >> (i % 24));
    std::memcpy(b.data(), a.data(), a.size());
    hash = bench_fnv1a(hash, b.data(), b.size());
  }
  const double seconds = double(now_ns(CLOCK_MONOTONIC) - start) / 1e9;
  std::printf("rounds %ld seconds %.6f hash %016llx from %lld to %lld\n", rounds, seconds,
              static_cast<unsigned long long>(hash), static_cast<long long>(from),
              static_cast<long long>(now_ns(CLOCK_REALTIME)));
  return 0;
}
