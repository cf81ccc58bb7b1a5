// Reads a whole data set laid out by bench/files/run (DIR/dNN/fNNNN, COUNT
// files in all), every file from start to end in 64 KiB reads, and prints
// the bytes, an FNV-1a hash of them (by 8-byte words) in file order and the
// seconds it took.
// The same program runs natively (the baseline) and in VMs, where DIR is
// the shared data set (--ro-root).
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "../fnv1a.h"

static unsigned char chunk[65536];

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: read-all DIR COUNT\n");
    return 2;
  }
  const char *dir = argv[1];
  long count = strtol(argv[2], NULL, 10);
  uint64_t hash = BENCH_FNV1A_START, bytes = 0;
  double start = now();
  for (long i = 0; i < count; ++i) {
    char path[512];
    snprintf(path, sizeof path, "%s/d%02ld/f%04ld", dir, i % 100, i);
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
      perror(path);
      return 1;
    }
    ssize_t got;
    while ((got = read(fd, chunk, sizeof chunk)) > 0) {
      hash = bench_fnv1a(hash, chunk, (size_t)got);
      bytes += (uint64_t)got;
    }
    close(fd);
    if (got < 0) {
      perror(path);
      return 1;
    }
  }
  printf("bytes %llu hash %016llx seconds %.6f\n", (unsigned long long)bytes,
         (unsigned long long)hash, now() - start);
  return 0;
}
