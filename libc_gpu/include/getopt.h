/* GNU's long options: getopt_long and getopt_long_only share getopt's state
 * (optind, optarg, optopt, opterr) and its scan, as in glibc. */
#ifndef __LIBC_GPU_GETOPT_H
#define __LIBC_GPU_GETOPT_H

#include <__libc_gpu/common.h>

#define no_argument 0
#define required_argument 1
#define optional_argument 2

__LIBC_BEGIN_DECLS

struct option {
  const char *name;
  /* no_argument, required_argument or optional_argument. */
  int has_arg;
  /* NULL: the option returns val; otherwise *flag = val and it returns 0. */
  int *flag;
  int val;
};

extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring) __LIBC_NOEXCEPT;
int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *longopts,
                int *longindex) __LIBC_NOEXCEPT;
/* Long options may also start with a single '-'. */
int getopt_long_only(int argc, char *const argv[], const char *optstring,
                     const struct option *longopts, int *longindex) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
