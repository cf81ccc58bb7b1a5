#include <signal.h>
#include <string.h>

int sigfillset(sigset_t *set) {
  memset(set, 0, sizeof *set);
  /* Signals 1..64, less glibc's own 32 and 33, as glibc fills it. */
  set->__val[0] = ~0ul & ~(1ul << 31) & ~(1ul << 32);
  return 0;
}
