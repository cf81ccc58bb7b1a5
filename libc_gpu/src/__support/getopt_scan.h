/* The scan behind getopt, getopt_long and getopt_long_only: one state per
 * VM, shared by the three, as glibc shares it. */
#ifndef LIBC_GPU_SUPPORT_GETOPT_SCAN_H
#define LIBC_GPU_SUPPORT_GETOPT_SCAN_H

#include <getopt.h>

/* The next option of argv, as glibc's getopt_long_only (long_only != 0),
 * getopt_long, or getopt (longopts NULL) returns it, with optind, optarg and
 * optopt set as glibc sets them. */
int __getopt_scan(int argc, char *const argv[], const char *optstring,
                  const struct option *longopts, int *longindex, int long_only);

#endif
