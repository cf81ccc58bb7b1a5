#include "util.h"

#include <stdio.h>

int main(int argc, char **argv) {
  char line[64];
  describe(argc > 1 ? argv[1] : "sample", line, sizeof line);
  puts(line);
  return 0;
}
