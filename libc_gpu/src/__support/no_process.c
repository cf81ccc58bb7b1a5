#include "no_process.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Enough names for every refused call a server makes; past that the note
 * is said again rather than lost. */
#define REMEMBERED 32

int __no_facility(const char *call, const char *reason) {
  static const char *said[REMEMBERED];
  int known = 0;
  for (int i = 0; i < REMEMBERED && said[i] && !known; ++i)
    known = strcmp(said[i], call) == 0;
  if (!known) {
    for (int i = 0; i < REMEMBERED; ++i)
      if (!said[i]) {
        said[i] = call;
        break;
      }
    fprintf(stderr, "gpuvm: %s: %s (ENOSYS)\n", call, reason);
  }
  errno = ENOSYS;
  return -1;
}

int __no_process(const char *call) {
  return __no_facility(call, "a VM is one process, it cannot fork or exec");
}
