#include "util.h"

unsigned checksum(const char *text) {
  unsigned sum = 2166136261u;
  while (*text)
    sum = (sum ^ (unsigned char)*text++) * 16777619u;
  return sum;
}
