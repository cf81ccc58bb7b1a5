// Writes COUNT lines of WIDTH bytes each (newline included) to stdout, one
// write per line: "<id> <n> xxx...". The same program runs natively (the
// baseline: processes writing whole lines to one pipe) and in VMs, whose
// id is their own (gpuvm expands "{vm}"); bench/console/run checks that
// every line arrives whole, once, and each writer's in order.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: lines ID COUNT WIDTH\n");
    return 2;
  }
  const char *id = argv[1];
  long count = atol(argv[2]), width = atol(argv[3]);
  if (count < 0 || width < 32 || width > 4096) {
    fprintf(stderr, "lines: COUNT >= 0, WIDTH from 32 to 4096\n");
    return 2;
  }
  static char line[4097];
  /* Each line is one write, as a line-buffered terminal writer's. */
  setvbuf(stdout, NULL, _IOLBF, 0);
  for (long n = 0; n < count; ++n) {
    int used = snprintf(line, sizeof line, "%s %ld ", id, n);
    memset(line + used, 'x', (size_t)(width - 1 - used));
    line[width - 1] = '\n';
    line[width] = 0;
    fputs(line, stdout);
  }
  return fflush(stdout) != 0;
}
