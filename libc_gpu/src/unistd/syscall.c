#include <unistd.h>

#include "../__support/no_process.h"

long syscall(long number, ...) {
  (void)number;
  /* The light kernel's calls are not numbered as Linux's, and a program
   * that reaches for a raw number wants something libc does not wrap. */
  return __no_facility("syscall", "a VM has no Linux system call table");
}
