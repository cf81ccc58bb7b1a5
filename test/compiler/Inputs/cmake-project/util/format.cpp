#include "util.h"

#include <stdio.h>

int describe(const char *text, char *out, int size) {
  return snprintf(out, size, "%s:%08x", text, checksum(text));
}
