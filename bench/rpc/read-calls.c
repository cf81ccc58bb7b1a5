// Reads one file of the VM's own root (not the shared data set: these reads
// are host calls) COUNT times, SIZE bytes each with pread at offsets that
// walk the file, and prints the calls, the seconds they took, the latency
// of one call and all of them (median, 99th percentile, largest) and an FNV-1a hash of every
// byte read, and when it started and ended on the monotonic clock (one
// clock for all VMs and processes, so the calls of all of them can be
// divided by the span of time they took together). The same program runs natively (the baseline:
// the page cache through Linux's system calls) and in VMs (bench/rpc/run).
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "../fnv1a.h"

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: read-calls PATH SIZE COUNT\n");
    return 2;
  }
  long size = strtol(argv[2], NULL, 10), count = strtol(argv[3], NULL, 10);
  if (size < 1 || count < 1) {
    fprintf(stderr, "read-calls: SIZE and COUNT must be positive\n");
    return 2;
  }
  int fd = open(argv[1], O_RDONLY);
  off_t file_size = fd < 0 ? -1 : lseek(fd, 0, SEEK_END);
  if (fd < 0 || file_size < size) {
    perror(argv[1]);
    return 1;
  }
  unsigned char *buffer = malloc((size_t)size);
  int64_t *latency = malloc((size_t)count * sizeof *latency);
  if (!buffer || !latency) {
    fprintf(stderr, "read-calls: out of memory\n");
    return 1;
  }
  uint64_t hash = BENCH_FNV1A_START;
  long slots = (long)(file_size / size);
  int64_t in_calls = 0, start = now_ns();
  for (long i = 0; i < count; ++i) {
    int64_t before = now_ns();
    ssize_t got = pread(fd, buffer, (size_t)size, (off_t)(i % slots) * size);
    latency[i] = now_ns() - before;
    if (got != size) {
      fprintf(stderr, "read-calls: pread returned %ld of %ld bytes\n", (long)got, size);
      return 1;
    }
    hash = bench_fnv1a(hash, buffer, (size_t)got);
    in_calls += latency[i];
  }
  int64_t end = now_ns();
  qsort(latency, (size_t)count, sizeof *latency, by_value);
  printf("calls %ld seconds %.6f in_calls %.6f p50_us %.2f p99_us %.2f max_us %.2f hash %016llx "
         "from %lld to %lld\n",
         count, (double)(end - start) * 1e-9, (double)in_calls * 1e-9,
         (double)latency[count / 2] * 1e-3, (double)latency[(count * 99) / 100] * 1e-3,
         (double)latency[count - 1] * 1e-3, (unsigned long long)hash, (long long)start,
         (long long)end);
  return 0;
}
