#include <unistd.h>

#include "../__support/getopt_scan.h"

/* glibc's getopt is GNU's: it permutes argv too, unless told not to. */
int getopt(int argc, char *const argv[], const char *optstring) {
  return __getopt_scan(argc, argv, optstring, NULL, NULL, 0);
}
