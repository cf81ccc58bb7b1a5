#include <getopt.h>

#include "../__support/getopt_scan.h"

int getopt_long_only(int argc, char *const argv[], const char *optstring,
                     const struct option *longopts, int *longindex) {
  return __getopt_scan(argc, argv, optstring, longopts, longindex, 1);
}
